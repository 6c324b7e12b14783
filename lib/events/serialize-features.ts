import type { LoadedEvent } from "@/lib/model/event";
import { eventFeature, type EventDetail as Detail } from "./to-feature";

/**
 * Each event's GeoJSON Feature as JSON text, made once per event and detail level: events do not
 * change after loading, and building and stringifying every feature again was most of the cost of
 * a large answer. Held weakly, so a data set that is let go takes its texts with it.
 */
const texts: Record<Detail, WeakMap<LoadedEvent, string>> = { full: new WeakMap(), brief: new WeakMap(), marker: new WeakMap() };

export function featureJson(event: LoadedEvent, detail: Detail): string {
  let text = texts[detail].get(event);
  if (text === undefined) texts[detail].set(event, (text = JSON.stringify(eventFeature(event, detail))));
  return text;
}

/**
 * The same text as `JSON.stringify({ type: "FeatureCollection", features })` over the events'
 * features: JSON.stringify writes an array as its items' own texts joined by commas.
 */
export function featureCollectionJson(events: readonly LoadedEvent[], detail: Detail): string {
  return `{"type":"FeatureCollection","features":[${events.map((e) => featureJson(e, detail)).join(",")}]}`;
}
