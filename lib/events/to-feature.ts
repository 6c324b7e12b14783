import type { Feature, Point } from "geojson";
import { headlineOf } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";

/**
 * How much of an event an answer carries: `brief` what lists draw (no summary, actors or quotes),
 * `marker` only what a map marker needs (id, type, title, how precisely it is placed). Large sets stay small.
 */
export const EVENT_DETAILS = ["full", "brief", "marker"] as const;
export type EventDetail = (typeof EVENT_DETAILS)[number];

/** An event as the API and the map carry it: a Point where it happened, with its fields as properties. */
export function eventFeature(event: LoadedEvent, detail: EventDetail = "full"): Feature<Point> {
  if (detail === "marker") {
    // What a marker draws and a pointer picks: the same properties the page's own collection gives (lib/map/event-layers.ts).
    return { type: "Feature", id: event.id, geometry: { type: "Point", coordinates: event.place.point }, properties: { id: event.id, type: event.type, title: event.title, geoPrecision: event.geoPrecision } };
  }
  const { place, aboutPlaces, ...fields } = detail === "brief" ? headlineOf(event) : event;
  return {
    type: "Feature",
    id: event.id,
    geometry: { type: "Point", coordinates: place.point },
    properties: { ...fields, place, aboutPlaces },
  };
}
