import type { EventCursor } from "@/lib/model/event-query";

/**
 * A position in the list (time start, time end, id) as one URL value, `after=START~END~ID`
 * (each part percent-encoded, so an id with "~" survives): what `/api/events?limit=` answers as
 * `next`, and what the event list builds to start a page at the first event of a time span.
 */
export function writeCursor(cursor: EventCursor): string {
  return [cursor.start, cursor.end, cursor.id].map(encodeURIComponent).join("~");
}

/** The cursor of a written value, or undefined when the value is not three parts. */
export function readCursor(value: string): EventCursor | undefined {
  const parts = value.split("~");
  if (parts.length !== 3) return undefined;
  try {
    const [start, end, id] = parts.map(decodeURIComponent) as [string, string, string];
    return { start, end, id };
  } catch {
    return undefined;
  }
}

/** Events per page of the list; an answer holds at most MAX_PAGE. */
export const LIST_PAGE = 200;
export const MAX_PAGE = 10_000;
