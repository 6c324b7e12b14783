import type { GeoJSON } from "geojson";
import bbox from "@turf/bbox";
import type { DataProblem } from "@/lib/model/problem";
import { MAX_PROPERTIES_DEPTH } from "./limits";

type Report = (rule: DataProblem["rule"], message: string) => void;
type Kind = "collection" | "feature" | "geometry";

/**
 * RFC 7946 §7.1: members that define one kind of GeoJSON object must not appear on another, where a
 * reader could take the object for something it is not (a Feature with `coordinates`, a geometry
 * with `properties`).
 */
const FORBIDDEN: Record<Kind, readonly string[]> = {
  collection: ["coordinates", "geometries", "geometry", "properties"],
  feature: ["coordinates", "geometries", "features"],
  geometry: ["geometry", "properties", "features"],
};

export function forbiddenMembers(object: object, kind: Kind): string[] {
  return FORBIDDEN[kind].filter((member) => Object.hasOwn(object, member));
}

/**
 * Checks a GeoJSON object's `bbox` member (RFC 7946 §5: 2×n numbers for n dimensions, here 4 or 6)
 * against the extent of its coordinates, then removes it: Briefmap computes every extent itself,
 * so a wrong box can never frame a preview or a print on the wrong place. A malformed box is an
 * `invalid-bbox` problem; a well-formed one that does not match is a `wrong-bbox` note.
 */
export function checkBBoxMember(given: unknown, object: GeoJSON, what: string, fail: Report, note: Report): void {
  delete (object as { bbox?: unknown }).bbox;
  if (!Array.isArray(given) || (given.length !== 4 && given.length !== 6) || !given.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return fail("invalid-bbox", `${what} bbox is ${clipJson(given)}: RFC 7946 wants an array of 4 (or 6, with heights) numbers`);
  }
  const [w, s, e, n] = given.length === 4 ? given : [given[0], given[1], given[3], given[4]];
  const actual = bbox(object, { recompute: true });
  if (!actual.every(Number.isFinite)) return;
  const off = Math.max(Math.abs(w - actual[0]), Math.abs(s - actual[1]), Math.abs(e - actual[2]), Math.abs(n - actual[3]));
  // Sources often round a box to 4 or 5 decimals; beyond about 10 m it frames the wrong place.
  if (off > 1e-4) {
    note("wrong-bbox", `${what} bbox [${given.join(", ")}] does not match its coordinates [${actual.map((v) => Math.round(v * 1e6) / 1e6).join(", ")}]; it was ignored`);
  }
}

/** How deep `value` nests, up to `limit + 1` (deeper is not walked). */
export function nestingDepth(value: unknown, limit: number): number {
  if (value === null || typeof value !== "object") return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(child, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}

/** A feature's `properties` must be an object (not an array) or null, and not nest without bound. */
export function checkProperties(properties: unknown, fail: Report): void {
  if (properties === undefined) return fail("schema", "properties is missing: RFC 7946 wants an object or null");
  if (properties !== null && (typeof properties !== "object" || Array.isArray(properties))) {
    return fail("schema", `properties is ${Array.isArray(properties) ? "an array" : `a ${typeof properties}`}: RFC 7946 wants an object or null`);
  }
  if (nestingDepth(properties, MAX_PROPERTIES_DEPTH) > MAX_PROPERTIES_DEPTH) {
    fail("too-deep", `properties nest deeper than ${MAX_PROPERTIES_DEPTH} levels`);
  }
}

const clipJson = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
