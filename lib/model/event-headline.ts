import type { LoadedEvent } from "./event";

/**
 * What lists, the timeline and the map need of an event: enough to draw, filter and link it. The
 * summary, actors and quotes come with the full event, fetched when one is selected from a large set.
 */
export type EventHeadline = Pick<LoadedEvent, "id" | "article" | "title" | "type" | "time" | "geoPrecision" | "place" | "aboutPlaces">;

export function headlineOf(e: LoadedEvent): EventHeadline {
  return { id: e.id, article: e.article, title: e.title, type: e.type, time: e.time, geoPrecision: e.geoPrecision, place: e.place, aboutPlaces: e.aboutPlaces };
}

export const isFullEvent = (e: EventHeadline): e is LoadedEvent => "sources" in e;
