import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { AREA_EVENTS_SOURCE, EVENTS_SOURCE, eventCollection, type EventsOnMap } from "./event-layers";
import { showTiles } from "./event-tiles";

const EMPTY = (): GeoJSON.FeatureCollection => ({ type: "FeatureCollection", features: [] });

/** What the two GeoJSON sources start with: the events the page holds, or nothing when tiles draw a large set. */
export const initialData = (events: EventsOnMap): GeoJSON.FeatureCollection => (typeof events === "string" ? EMPTY() : eventCollection(events));

/**
 * Sends events to the map: the page's events to both GeoJSON sources (located and area-level), or
 * a large set's tile URL to the vector tile source, each emptying the other. `before`: the layer
 * tiles are drawn under (the selection's marks stay on top).
 */
export function eventDelivery(map: MapLibreMap, before: string | undefined) {
  return function deliver(events: EventsOnMap): void {
    const data = typeof events === "string" ? EMPTY() : eventCollection(events);
    void map.getSource<GeoJSONSource>(EVENTS_SOURCE)?.setData(data);
    void map.getSource<GeoJSONSource>(AREA_EVENTS_SOURCE)?.setData(data);
    showTiles(map, typeof events === "string" ? events : null, before);
  };
}
