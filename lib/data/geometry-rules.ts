import type { Geometry, Position } from "geojson";
import rewind from "@mapbox/geojson-rewind";
import sweeplineIntersections from "sweepline-intersections";
import type { DataProblem } from "@/lib/model/problem";
import { checkBBoxMember, forbiddenMembers } from "./member-rules";
import { retracedEdge } from "./retraced-edges";

type Report = (rule: DataProblem["rule"], message: string) => void;

const KNOWN_TYPES = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]);

/**
 * Checks one geometry against RFC 7946 and simple-feature rules. Reports every problem through
 * `report` and returns true when the geometry can be drawn and queried safely.
 * Rings wound the wrong way are rewound in place (RFC 7946 §3.1.6 says parsers should not reject
 * them) and reported as a `wrong-winding` note; that alone does not make the geometry fail.
 * A `bbox` member is checked (`invalid-bbox`) and compared with the geometry (`wrong-bbox`, a note);
 * callers compute the extent themselves from the coordinates.
 */
export function checkGeometry(geometry: unknown, report: Report): boolean {
  const g = geometry as Geometry | null;
  if (!g || typeof g !== "object" || !KNOWN_TYPES.has(g.type) || !("coordinates" in g) || !Array.isArray(g.coordinates)) {
    report("schema", "geometry must be a GeoJSON Point, LineString, Polygon or their Multi- forms with coordinates");
    return false;
  }
  let ok = true;
  let rewound = false;
  const fail: Report = (rule, message) => {
    ok = false;
    report(rule, message);
  };
  for (const member of forbiddenMembers(g, "geometry")) {
    fail("foreign-member", `geometry has a "${member}" member, which RFC 7946 §7.1 forbids in a geometry: it would make it read as something else`);
  }
  switch (g.type) {
    case "Point":
      checkPosition(g.coordinates, "coordinates", fail);
      break;
    case "MultiPoint":
      checkPositions(g.coordinates, "coordinates", 1, fail);
      break;
    case "LineString":
      checkPositions(g.coordinates, "coordinates", 2, fail);
      break;
    case "MultiLineString":
      eachPart(g.coordinates, "coordinates", fail, (line, at) => checkPositions(line, at, 2, fail));
      break;
    case "Polygon":
      rewound = checkPolygon(g.coordinates, "coordinates", fail);
      break;
    case "MultiPolygon":
      eachPart(g.coordinates, "coordinates", fail, (poly, at) => (rewound = checkPolygon(poly, at, fail) || rewound));
      break;
  }
  if (!ok) return false;
  if (rewound) {
    rewind(g);
    report("wrong-winding", "rings were rewound: RFC 7946 wants exterior rings counter-clockwise and holes clockwise");
  }
  if ("bbox" in g) checkBBoxMember(g.bbox, g, "geometry", fail, report);
  // Self-intersection is only meaningful once every ring is well formed.
  if (ok && (g.type === "Polygon" || g.type === "MultiPolygon")) checkSimple(g.type === "Polygon" ? [g.coordinates] : g.coordinates, g, fail);
  return ok;
}

function checkSimple(polygons: Position[][][], g: Geometry, fail: Report) {
  const crossings = sweeplineIntersections({ type: "Feature", properties: {}, geometry: g }, false);
  if (crossings.length > 0) {
    const [x, y] = crossings[0] ?? [];
    return fail("self-intersection", `rings cross themselves or each other at ${crossings.length} point(s), first at [${x}, ${y}]`);
  }
  for (const [p, rings] of polygons.entries()) {
    const retraced = retracedEdge(rings);
    if (!retraced) continue;
    const [r1, r2] = retraced.rings;
    const where = polygons.length > 1 ? `coordinates[${p}]` : "coordinates";
    const which = r1 === r2 ? `ring ${where}[${r1}] runs back along its own edge` : `rings ${where}[${r1}] and ${where}[${r2}] share an edge`;
    return fail("self-intersection", `${which} from [${retraced.at.join(", ")}]: a ring may touch itself at most at single points`);
  }
}

function eachPart(parts: unknown, at: string, fail: Report, check: (part: never, at: string) => void) {
  if (!Array.isArray(parts) || parts.length === 0) return fail("schema", `${at} must be a non-empty array`);
  parts.forEach((part, i) => check(part as never, `${at}[${i}]`));
}

const show = (p: unknown[]) => `[${p.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v))).join(", ")}]`;

function checkPosition(p: unknown, at: string, fail: Report): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    fail("schema", `${at} must be a position [lon, lat] or [lon, lat, height]`);
    return false;
  }
  // RFC 7946 §3.1.1: every element of a position is a number (a string or null is not).
  if (!p.every((v) => typeof v === "number" && Number.isFinite(v))) {
    fail("coordinates-not-finite", `${at} is ${show(p)}: coordinates must be finite numbers`);
    return false;
  }
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
    fail("coordinates-out-of-range", `${at} is [${lon}, ${lat}]: longitude must be within ±180 and latitude within ±90`);
    return false;
  }
  return true;
}

function checkPositions(ps: unknown, at: string, min: number, fail: Report): boolean {
  if (!Array.isArray(ps)) {
    fail("schema", `${at} must be an array of positions`);
    return false;
  }
  if (ps.length < min) {
    fail("too-few-positions", `${at} has ${ps.length} position(s), at least ${min} needed`);
    return false;
  }
  let ok = true;
  ps.forEach((p, i) => (ok = checkPosition(p, `${at}[${i}]`, fail) && ok));
  return ok;
}

/** Checks a polygon's rings; true when any ring is wound against RFC 7946 (to be rewound). */
function checkPolygon(rings: unknown, at: string, fail: Report): boolean {
  if (!Array.isArray(rings) || rings.length === 0) {
    fail("schema", `${at} must be a non-empty array of rings`);
    return false;
  }
  let wrongWinding = false;
  rings.forEach((ring, i) => {
    const where = `${at}[${i}]`;
    if (!checkPositions(ring, where, 4, fail)) return;
    const r = ring as Position[];
    const first = r[0]!;
    const last = r[r.length - 1]!;
    // RFC 7946 §3.1.6: the first and last positions are identical, every value of them (height too).
    if (first.length !== last.length || first.some((v, k) => v !== last[k])) {
      return fail("unclosed-ring", `${where} starts at [${first.join(", ")}] but ends at [${last.join(", ")}]; a ring must end where it starts`);
    }
    // A zero area (a figure of eight) has no winding; the self-intersection check reports it.
    const area = signedArea(r);
    if (area !== 0 && (i === 0) !== area > 0) wrongWinding = true;
  });
  return wrongWinding;
}

/** Shoelace area in degrees²: only its sign is used, for winding. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum / 2;
}
