import type { Geometry, Position } from "geojson";
import sweeplineIntersections from "sweepline-intersections";
import type { DataProblem } from "@/lib/model/problem";

type Report = (rule: DataProblem["rule"], message: string) => void;

const KNOWN_TYPES = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]);

/**
 * Checks one geometry against RFC 7946 and simple-feature rules. Reports every problem through
 * `report` and returns true when the geometry can be drawn and queried safely.
 */
export function checkGeometry(geometry: unknown, report: Report): boolean {
  const g = geometry as Geometry | null;
  if (!g || typeof g !== "object" || !KNOWN_TYPES.has(g.type) || !("coordinates" in g) || !Array.isArray(g.coordinates)) {
    report("schema", "geometry must be a GeoJSON Point, LineString, Polygon or their Multi- forms with coordinates");
    return false;
  }
  let ok = true;
  // Wrong winding does not stop the self-intersection check: only broken rings do.
  let ringsWellFormed = true;
  const fail: Report = (rule, message) => {
    ok = false;
    if (rule !== "wrong-winding") ringsWellFormed = false;
    report(rule, message);
  };
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
      checkPolygon(g.coordinates, "coordinates", fail);
      break;
    case "MultiPolygon":
      eachPart(g.coordinates, "coordinates", fail, (poly, at) => checkPolygon(poly, at, fail));
      break;
  }
  // Self-intersection is only meaningful once every ring is well formed.
  if (ringsWellFormed && (g.type === "Polygon" || g.type === "MultiPolygon")) {
    const crossings = sweeplineIntersections({ type: "Feature", properties: {}, geometry: g }, false);
    if (crossings.length > 0) {
      const [x, y] = crossings[0] ?? [];
      fail("self-intersection", `rings cross themselves or each other at ${crossings.length} point(s), first at [${x}, ${y}]`);
    }
  }
  return ok;
}

function eachPart(parts: unknown, at: string, fail: Report, check: (part: never, at: string) => void) {
  if (!Array.isArray(parts) || parts.length === 0) return fail("schema", `${at} must be a non-empty array`);
  parts.forEach((part, i) => check(part as never, `${at}[${i}]`));
}

function checkPosition(p: unknown, at: string, fail: Report): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    fail("schema", `${at} must be a position [lon, lat]`);
    return false;
  }
  const [lon, lat] = p as number[];
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    fail("coordinates-not-finite", `${at} is [${String(lon)}, ${String(lat)}]: coordinates must be finite numbers`);
    return false;
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
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

function checkPolygon(rings: unknown, at: string, fail: Report) {
  if (!Array.isArray(rings) || rings.length === 0) return fail("schema", `${at} must be a non-empty array of rings`);
  rings.forEach((ring, i) => {
    const where = `${at}[${i}]`;
    if (!checkPositions(ring, where, 4, fail)) return;
    const r = ring as Position[];
    const first = r[0]!;
    const last = r[r.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return fail("unclosed-ring", `${where} starts at [${first.join(", ")}] but ends at [${last.join(", ")}]; a ring must end where it starts`);
    }
    // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
    // A zero area (a figure of eight) has no winding; the self-intersection check reports it.
    const area = signedArea(r);
    const counterClockwise = area > 0;
    const exterior = i === 0;
    if (area !== 0 && exterior !== counterClockwise) {
      fail("wrong-winding", `${where} is ${counterClockwise ? "counter-clockwise" : "clockwise"}; RFC 7946 wants ${exterior ? "exterior rings counter-clockwise" : "holes clockwise"}`);
    }
  });
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
