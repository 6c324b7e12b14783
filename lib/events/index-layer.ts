import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { LoadedEvent } from "@/lib/model/event";
import { areaBounds, areaTester } from "./index-area";

/** Finds the positions of events whose marker lies in a box (edges included), in any order. */
export type PointsInBox = (minX: number, minY: number, maxX: number, maxY: number) => Iterable<number>;

/**
 * Which events touch a layer, as `touchesLayer` (lib/events/membership.ts) decides: 1 at the
 * position of each event that happened in or is about one of its features, or whose marker lies
 * inside one of its areas (not for a country- or region-level event, whose marker only stands for
 * the whole). Computed once per layer, since neither events nor layers change after loading.
 *
 * Only markers inside an area's bounding box are tested against it, each with `areaTester`.
 */
export function layerMembers(events: readonly LoadedEvent[], layer: string, features: Feature[], pointsIn: PointsInBox): Uint8Array {
  const members = new Uint8Array(events.length);
  events.forEach((e, i) => {
    if (e.place.layer === layer || e.aboutPlaces.some((p) => p.layer === layer)) members[i] = 1;
  });
  for (const feature of features) {
    if (!isArea(feature)) continue;
    const box = areaBounds(feature);
    const inside = areaTester(feature);
    // No point outside an area's bounding box is in it or on its outline.
    for (const i of box ? pointsIn(...box) : events.keys()) {
      const e = events[i];
      if (!e || members[i] || e.geoPrecision === "country" || e.geoPrecision === "region") continue;
      if (inside(e.place.point[0], e.place.point[1])) members[i] = 1;
    }
  }
  return members;
}

function isArea(feature: Feature): feature is Feature<Polygon | MultiPolygon> {
  return feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon";
}
