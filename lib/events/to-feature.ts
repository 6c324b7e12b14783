import type { Feature, Point } from "geojson";
import { headlineOf } from "@/lib/data/event-headline";
import type { LoadedEvent } from "@/lib/data/read-article";

/** An event as the API and the map carry it: a Point where it happened, with its fields as properties. */
export function eventFeature(event: LoadedEvent, detail: "full" | "brief" = "full"): Feature<Point> {
  const { place, aboutPlaces, ...fields } = detail === "brief" ? headlineOf(event) : event;
  return {
    type: "Feature",
    id: event.id,
    geometry: { type: "Point", coordinates: place.point },
    properties: { ...fields, place, aboutPlaces },
  };
}
