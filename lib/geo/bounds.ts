import type { BBox } from "@/lib/model/layer-summary";
import type { Place } from "@/lib/model/place";

/** Looks up a layer feature's bbox; undefined when its layer is not loaded (yet). */
export type FeatureBBox = (layer: string, feature: string) => BBox | undefined;

/** The smallest bbox holding all boxes; null for none. Assumes nothing straddles ±180°, true of this app’s places. */
export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  let [west, south, east, north] = boxes[0]!;
  for (const [w, s, e, n] of boxes.slice(1)) {
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
  }
  return [west, south, east, north];
}

/** The bbox of a line's positions, or null for an empty line. */
export function bboxOfPositions(positions: readonly GeoJSON.Position[]): BBox | null {
  return unionBBox(positions.filter(isFinitePosition).map(([lon = 0, lat = 0]) => [lon, lat, lon, lat]));
}

/**
 * What a camera must show for a set of places: a feature's whole extent when its bbox is known
 * (a region is more than its marker), else the place's point; `extra` adds e.g. link arcs.
 */
export function boundsOfPlaces(places: readonly Place[], featureBBox: FeatureBBox, extra: readonly BBox[] = []): BBox | null {
  const boxes = places.map((place): BBox => {
    const known = place.layer && place.feature ? featureBBox(place.layer, place.feature) : undefined;
    if (known && known.every(Number.isFinite)) return known;
    const [lon, lat] = place.point;
    return [lon, lat, lon, lat];
  });
  return unionBBox([...boxes, ...extra]);
}

const isFinitePosition = (p: GeoJSON.Position) => p.length >= 2 && p.every(Number.isFinite);
