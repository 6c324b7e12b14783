import type { Feature, Polygon, MultiPolygon } from "geojson";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { EventHeadline } from "@/lib/model/event-headline";

export type EventRelation = "in" | "about" | "inside";

/**
 * How an event relates to a layer feature: it happened there (`in`), it is about it (`about`), or
 * its marker falls inside the feature's area without naming it (`inside`), e.g. a strike placed on
 * a town that lies in a governorate. Undefined when unrelated.
 */
export function relationToFeature(event: EventHeadline, layer: string, feature: Feature): EventRelation | undefined {
  const id = String(feature.id);
  if (event.place.layer === layer && event.place.feature === id) return "in";
  if (event.aboutPlaces.some((p) => p.layer === layer && p.feature === id)) return "about";
  // A marker standing for a whole region (e.g. "Syria") says nothing about the areas it happens to land in.
  if (event.geoPrecision === "country" || event.geoPrecision === "region") return undefined;
  if (isArea(feature) && booleanPointInPolygon(event.place.point, feature)) return "inside";
  return undefined;
}

/** The events related to one feature, with how each relates. */
export function eventsOfFeature(events: EventHeadline[], layer: string, feature: Feature): { event: EventHeadline; relation: EventRelation }[] {
  const related: { event: EventHeadline; relation: EventRelation }[] = [];
  for (const event of events) {
    const relation = relationToFeature(event, layer, feature);
    if (relation) related.push({ event, relation });
  }
  return related;
}

/** True when the event relates to any feature of the layer. */
export function touchesLayer(event: EventHeadline, layer: string, features: Feature[]): boolean {
  if (event.place.layer === layer || event.aboutPlaces.some((p) => p.layer === layer)) return true;
  return features.some((f) => relationToFeature(event, layer, f) === "inside");
}

function isArea(feature: Feature): feature is Feature<Polygon | MultiPolygon> {
  return feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon";
}
