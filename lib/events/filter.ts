import type { Feature } from "geojson";
import type { LoadedEvent } from "@/lib/model/event";
import type { EventType } from "@/lib/model/schema";
import type { BBox } from "@/lib/model/layer-summary";
import { touchesLayer } from "./membership";

export type EventFilter = {
  bbox?: BBox;
  from?: string;
  to?: string;
  types?: EventType[];
  q?: string;
  /** One event by its id. */
  id?: string;
  /** Review status (see EventQuery.review); absent means reviewed only. */
  review?: "reviewed" | "unreviewed" | "all";
  /** Events that happened in, are about, or lie inside a feature of this layer. */
  layer?: { id: string; features: Feature[] };
};

/** Events that pass every filter given; an event known only to a span matches when the span overlaps the window. */
export function filterEvents(events: LoadedEvent[], filter: EventFilter): LoadedEvent[] {
  return events.filter(eventMatcher(filter));
}

/**
 * The test `filterEvents` applies to each event, on its own so that an index (lib/events/index-*)
 * can narrow the candidates and still decide each one by exactly these rules.
 */
export function eventMatcher(filter: EventFilter): (e: LoadedEvent) => boolean {
  const needle = filter.q ? fold(filter.q) : undefined;
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : undefined;
  const review = filter.review ?? "reviewed";
  return (e) =>
    (review === "all" || (e.review?.status ?? "reviewed") === review) &&
    (!filter.id || e.id === filter.id) &&
    (!filter.from || e.time.end >= filter.from) &&
    (!filter.to || e.time.start <= filter.to) &&
    (!types || types.has(e.type)) &&
    (!filter.bbox || inBBox(e.place.point[0], e.place.point[1], filter.bbox)) &&
    (!needle || searchableText(e).includes(needle)) &&
    (!filter.layer || touchesLayer(e, filter.layer.id, filter.layer.features));
}

/** Case- and accent-insensitive text, so "suwayda" finds "Suwayda" and "Chateau" finds "Château". */
export function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const searchCache = new WeakMap<LoadedEvent, string>();
function searchableText(e: LoadedEvent): string {
  let text = searchCache.get(e);
  if (text === undefined) searchCache.set(e, (text = foldedText(e)));
  return text;
}

/** Everything `q` searches in an event (its words, places and quotes), folded. */
export function foldedText(e: LoadedEvent): string {
  return fold([e.title, e.summary, e.type, ...e.actors, e.place.name, ...e.aboutPlaces.map((p) => p.name), ...e.sources.map((s) => s.quote)].join("\n"));
}

/** Whether a point lies in a box, edges included. */
export function inBBox(lon: number, lat: number, [w, s, e, n]: BBox): boolean {
  if (lat < s || lat > n) return false;
  // A box whose west edge is east of its east edge crosses the antimeridian.
  return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
}
