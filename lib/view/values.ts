import { isCalendarDate } from "@/lib/model/calendar-date";
import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";

/** Longest text filter accepted (longer ones are refused, not truncated): even 120 emoji keep a link under 2,000 characters. */
export const MAX_QUERY_LENGTH = 120;
/** Most ids a list parameter may carry. */
export const MAX_LIST_ITEMS = 50;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar day written YYYY-MM-DD (2025-02-30 is refused). */
export function parseDay(value: string): string | null {
  return isCalendarDate(value) ? value : null;
}

export function parseSlug(value: string): string | null {
  return value.length <= 100 && SLUG.test(value) ? value : null;
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

export function parseQuery(value: string): string | null {
  const q = value.trim().replace(/\s+/g, " ");
  return q.length > 0 && q.length <= MAX_QUERY_LENGTH ? q : null;
}

/** Splits a comma list; an empty string is an empty list (e.g. `layers=` means "no layers"). */
export function splitList(value: string): string[] {
  return value === "" ? [] : value.split(",").map((s) => s.trim());
}
