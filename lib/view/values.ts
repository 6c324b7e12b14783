import { isCalendarDate } from "@/lib/model/calendar-date";
import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";
import type { BBox } from "@/lib/model/layer-summary";

/**
 * The values of the view URL and of `/api/events`, defined once. Each reader takes a raw value and
 * gives either the value or a reason in the analyst's words. The view's reader (lib/view/read-view.ts)
 * drops a bad value and says the reason in a notice; the API's reader (lib/api/event-query.ts)
 * answers 400 with the same reason, naming the parameter.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Longest text filter accepted (longer ones are refused, not truncated): even 120 emoji keep a link under 2,000 characters. */
export const MAX_QUERY_LENGTH = 120;
/** Most ids a list parameter may carry. */
export const MAX_LIST_ITEMS = 50;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(reason: string): Read<T> => ({ ok: false, reason });
/** The value of a read, or null when it was refused (what nuqs parsers return). */
export const valueOr = <T>(read: Read<T>): T | null => (read.ok ? read.value : null);

/** A real calendar day written YYYY-MM-DD (2025-02-30 is refused). */
export function readDay(value: string): Read<string> {
  return isCalendarDate(value) ? ok(value) : no("not a calendar date written YYYY-MM-DD");
}

/** An id of an event, a layer or an article: a lowercase slug. */
export function readId(what: "event" | "layer" | "article"): (value: string) => Read<string> {
  return (value) => (value.length <= 100 && SLUG.test(value) ? ok(value) : no(`not ${what === "layer" ? "a" : "an"} ${what} id`));
}

/** A map feature named by its layer and its own id, written `layer/feature`. */
export function readFeatureRef(value: string): Read<{ layer: string; id: string }> {
  const [layer = "", id = "", ...rest] = value.split("/");
  const valid = rest.length === 0 && readId("layer")(layer).ok && id.length <= 100 && SLUG.test(id);
  return valid ? ok({ layer, id }) : no("not a feature written LAYER/FEATURE (two ids)");
}

/**
 * Text for `q`: control characters (NUL and the like, never part of a search) read as spaces,
 * spaces collapsed; refused when empty or too long.
 */
export function readQuery(value: string): Read<string> {
  const q = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\s+/g, " ");
  if (q.length === 0) return no("empty");
  return q.length <= MAX_QUERY_LENGTH ? ok(q) : no(`${q.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted`);
}

/** Event types: the known ones, and the unknown ones apart so that a lenient reader can keep the rest. */
export function readTypes(value: string): { types: EventType[]; unknown: string[]; tooMany: boolean } {
  const list = splitList(value).filter(Boolean);
  const types = [...new Set(list.filter(isEventType))];
  return { types, unknown: list.filter((t) => !isEventType(t)), tooMany: list.length > MAX_LIST_ITEMS };
}

export const typesReason = (unknown: readonly string[]) =>
  `unknown event type${unknown.length > 1 ? "s" : ""} ${unknown.map((t) => `"${clip(t)}"`).join(", ")}; known: ${EVENT_TYPES.join(", ")}`;

/** A list of layer ids (`layers=`): empty means none. */
export function readIdList(value: string): Read<string[]> {
  const ids = splitList(value);
  if (ids.length > MAX_LIST_ITEMS) return no(`more than ${MAX_LIST_ITEMS} ids`);
  return ids.every((id) => SLUG.test(id) && id.length <= 100) ? ok(ids) : no("not a comma-separated list of layer ids");
}

/** W,S,E,N in degrees; a west edge east of the east edge crosses the antimeridian. */
export function readBBox(value: string): Read<BBox> {
  const parts = value.split(",");
  const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : NaN));
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return no("expected four numbers W,S,E,N in degrees, e.g. bbox=35.5,32.5,36.5,33.5");
  const [w, s, e, n] = numbers as BBox;
  if (Math.abs(w) > 180 || Math.abs(e) > 180) return no("west and east must be within -180..180");
  if (Math.abs(s) > 90 || Math.abs(n) > 90) return no("south and north must be within -90..90");
  if (s > n) return no(`south (${s}) is north of north (${n})`);
  return ok([w, s, e, n]);
}

/** A window that ends before it starts matches nothing: both readers refuse `to`. */
export const windowReason = (from: string, to: string): string | null => (from > to ? `"to" (${to}) is before "from" (${from})` : null);

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Splits a comma list; an empty string is an empty list (e.g. `layers=` means "no layers"). */
export function splitList(value: string): string[] {
  return value === "" ? [] : value.split(",").map((s) => s.trim());
}

export const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 3)}…` : s);
