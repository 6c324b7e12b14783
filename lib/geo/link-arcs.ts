import greatCircle from "@turf/great-circle";
import type { Feature, FeatureCollection, LineString, Position } from "geojson";
import type { EventHeadline } from "@/lib/model/event-headline";

export type LinkArcProperties = { event: string; from: string; to: string };

/** Points closer than this (~100 m) are "the same place": an arc between them has no direction. */
const SAME_PLACE_DEGREES = 1e-3;

/** Enough vertices for a smooth curve across continents, few enough for many selected events. */
const ARC_POINTS = 64;

/**
 * The links an event draws: one great-circle arc from where it happened to each place it is about
 * (e.g. Paris → the Golan buffer zone). A place at the event's own point gets no arc.
 */
export function linkArcs(event: Pick<EventHeadline, "id" | "place" | "aboutPlaces">): FeatureCollection<LineString, LinkArcProperties> {
  const from = event.place.point;
  const features: Feature<LineString, LinkArcProperties>[] = [];
  for (const about of event.aboutPlaces) {
    const coordinates = arc(from, about.point);
    if (!coordinates) continue;
    const properties = { event: event.id, from: event.place.name, to: about.name };
    features.push({ type: "Feature", properties, geometry: { type: "LineString", coordinates } });
  }
  return { type: "FeatureCollection", features };
}

/** A great-circle line as one continuous LineString, or null when there is nothing to draw. */
export function arc(from: [number, number], to: [number, number]): Position[] | null {
  if (!from.every(Number.isFinite) || !to.every(Number.isFinite)) return null;
  if (Math.abs(from[0] - to[0]) < SAME_PLACE_DEGREES && Math.abs(from[1] - to[1]) < SAME_PLACE_DEGREES) return null;
  const { geometry } = greatCircle(from, to, { npoints: ARC_POINTS });
  const parts = geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates;
  const line = unwrapLongitudes(parts.flat());
  // Antipodal points have no single great circle; Turf then returns non-numbers.
  if (line.length < 2 || !line.every((p) => p.every(Number.isFinite))) return null;
  return line;
}

/**
 * Turf splits a line at ±180° into parts; a flat map draws one line better, so each longitude is
 * shifted by 360° to stay within 180° of the previous one (MapLibre wraps the overhang).
 */
export function unwrapLongitudes(positions: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon = 0, lat = 0] of positions) {
    const previous = out[out.length - 1];
    let x = lon;
    if (previous) {
      const [px = 0, py = 0] = previous;
      while (x - px > 180) x -= 360;
      while (x - px < -180) x += 360;
      if (x === px && lat === py) continue; // the split repeats the ±180° point
    }
    out.push([x, lat]);
  }
  return out;
}
