import type { GeoJSONSource, GeoJSONSourceSpecification, Map as MapLibreMap } from "maplibre-gl";
import { AREA_EVENTS_SOURCE, EVENTS_SOURCE, eventCollection, eventsData, type EventsOnMap } from "./event-layers";

/**
 * Located and area-level events are two sources drawn from one answer. A URL is fetched once, by
 * a source no layer draws (in MapLibre's worker), and its features are handed to both; events the
 * page holds go to both directly.
 */
export const EVENTS_LOADER = "events:loader";

const EMPTY = (): GeoJSON.FeatureCollection => ({ type: "FeatureCollection", features: [] });

/** The loader's source: the URL to fetch, or nothing when the page holds the events. */
export const loaderSource = (events: EventsOnMap): GeoJSONSourceSpecification => ({ type: "geojson", data: typeof events === "string" ? eventsData(events) : EMPTY() });

/** What the two drawn sources start with: the events, or nothing until the loader has them. */
export const initialData = (events: EventsOnMap): GeoJSONSourceSpecification["data"] => (typeof events === "string" ? EMPTY() : eventCollection(events));

/** Sends events to both drawn sources; a URL is fetched once. Resolves when the data is handed over. */
export function eventDelivery(map: MapLibreMap) {
  let latest = 0;
  const hand = (data: GeoJSONSourceSpecification["data"]) => {
    void map.getSource<GeoJSONSource>(EVENTS_SOURCE)?.setData(data as GeoJSON.GeoJSON);
    void map.getSource<GeoJSONSource>(AREA_EVENTS_SOURCE)?.setData(data as GeoJSON.GeoJSON);
  };
  return async function deliver(events: EventsOnMap, { fetchAgain }: { fetchAgain: boolean }): Promise<void> {
    const token = ++latest;
    if (typeof events !== "string") return hand(eventCollection(events));
    const loader = map.getSource<GeoJSONSource>(EVENTS_LOADER);
    if (!loader) return;
    if (fetchAgain) void loader.setData(eventsData(events) as string);
    const data = await loader.getData();
    if (token === latest) hand(data as GeoJSON.GeoJSON);
  };
}
