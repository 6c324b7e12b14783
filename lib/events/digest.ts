import type { EventType } from "@/lib/model/event-types";
import { headlineOf, type EventHeadline } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import type { EventTime } from "@/lib/model/schema";

/** The list shows this many rows at most: thousands help no one and slow every render. */
export const LIST_ROWS = 300;

/**
 * What the panels beside the map need of a filtered set, whatever its size: the list's first rows,
 * counts per type for the filter bar, how many events share each time span for the timeline's
 * density, and which of the article's events are kept. For a large set the map draws the events
 * from the API itself, so the page never holds them all.
 */
export type EventDigest = {
  /** How many events pass the filters. */
  count: number;
  byType: Partial<Record<EventType, number>>;
  /** Distinct time spans of the events and how many share each. */
  times: { time: EventTime; count: number }[];
  /** The first LIST_ROWS events in list (time) order. */
  rows: EventHeadline[];
  /** Ids of the events kept that the article's sentences report. */
  marked: string[];
};

/** Events with equal keys share a time span exactly: start, end, precision and bound. */
export const timeSpanKey = (t: EventTime): string => `${t.start}/${t.end}/${t.precision}/${t.bound}`;

/** `isMarked`: whether the article shown beside the map marks this event's sentences. */
export function digestOf<E extends EventHeadline>(events: readonly E[], isMarked: (e: E) => boolean, toRow: (e: E) => EventHeadline = (e) => e): EventDigest {
  const byType: Partial<Record<EventType, number>> = {};
  const times = new Map<string, { time: EventTime; count: number }>();
  const marked: string[] = [];
  for (const e of events) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    const key = timeSpanKey(e.time);
    const span = times.get(key);
    if (span) span.count++;
    else times.set(key, { time: e.time, count: 1 });
    if (isMarked(e)) marked.push(e.id);
  }
  return { count: events.length, byType, times: [...times.values()], rows: events.slice(0, LIST_ROWS).map(toRow), marked };
}

/** The server's digest: rows carry headlines only, so that a page or an answer stays small. */
export function serverDigest(events: readonly LoadedEvent[], articleId: string | undefined): EventDigest {
  return digestOf(events, (e) => e.article === articleId && e.sources.length > 0, headlineOf);
}
