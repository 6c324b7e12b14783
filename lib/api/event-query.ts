import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import { MAX_PAGE, readCursor } from "@/lib/events/list-cursor";
import { EVENT_DETAILS, type EventDetail } from "@/lib/events/to-feature";
import { clip, MAX_LIST_ITEMS, readBBox, readDay, readId, readQuery, readTypes, typesReason, windowReason, type Read } from "@/lib/view/values";
import { ParamError } from "./responses";

const KNOWN = ["bbox", "from", "to", "types", "q", "layer", "article", "id", "detail", "review", "limit", "after"] as const;
const REVIEW_VALUES = ["reviewed", "unreviewed", "all"] as const;

/** Raw values longer than this are refused before any parsing work. */
const MAX_RAW_LENGTH = 1000;

/** Whether the ids a query names exist (cheap store lookups); an unknown one is a 400 naming it. */
export type IdLookup = { layer(id: string): Promise<boolean>; article(id: string): Promise<boolean> };

/**
 * Reads `/api/events` parameters strictly: any value that is present but wrong throws a ParamError
 * naming it, with the reason the view's lenient reader gives for the same value (lib/view/values.ts).
 */
export async function readEventQuery(params: URLSearchParams, known: IdLookup): Promise<{ query: EventQuery; detail: EventDetail; page?: EventPage }> {
  const raw: Partial<Record<(typeof KNOWN)[number], string>> = {};
  for (const name of KNOWN) {
    const all = params.getAll(name);
    if (all.length > 1) throw new ParamError(name, `"${name}" is given ${all.length} times; give it once`);
    if (all[0] !== undefined && all[0].length > MAX_RAW_LENGTH) throw new ParamError(name, `"${name}" is ${all[0].length} characters long; at most ${MAX_RAW_LENGTH} are accepted`);
    if (all[0] !== undefined && all[0].trim() !== "") raw[name] = all[0];
  }
  const query: EventQuery = {};
  const take = <T>(name: string, value: string, read: (v: string) => Read<T>): T => {
    const result = read(value);
    if (!result.ok) throw new ParamError(name, `"${clip(value)}": ${result.reason}`);
    return result.value;
  };
  if (raw.bbox !== undefined) query.bbox = take("bbox", raw.bbox, readBBox);
  if (raw.from !== undefined) query.from = take("from", raw.from, readDay);
  if (raw.to !== undefined) query.to = take("to", raw.to, readDay);
  const inverted = query.from && query.to ? windowReason(query.from, query.to) : null;
  if (inverted) throw new ParamError("to", inverted);
  if (raw.types !== undefined) {
    const { types, unknown, tooMany } = readTypes(raw.types);
    if (tooMany) throw new ParamError("types", `at most ${MAX_LIST_ITEMS} types are accepted`);
    if (unknown.length > 0) throw new ParamError("types", typesReason(unknown));
    if (types.length) query.types = types;
  }
  if (raw.q !== undefined) query.q = take("q", raw.q, readQuery);
  if (raw.review !== undefined) {
    // The review queue: `review=unreviewed` lists drafts waiting for an analyst; absent means reviewed only.
    const found = REVIEW_VALUES.find((v) => v === raw.review);
    if (!found) throw new ParamError("review", `"${clip(raw.review)}" is not one of ${REVIEW_VALUES.join(", ")}`);
    query.review = found;
  }
  if (raw.id !== undefined) query.id = take("id", raw.id, readId("event"));
  let detail: EventDetail = "full";
  if (raw.detail !== undefined) {
    const found = EVENT_DETAILS.find((d) => d === raw.detail);
    if (!found) throw new ParamError("detail", `"${clip(raw.detail)}" is not one of ${EVENT_DETAILS.join(", ")}`);
    detail = found;
  }
  if (raw.layer !== undefined) {
    const id = take("layer", raw.layer, readId("layer"));
    if (!(await known.layer(id))) throw new ParamError("layer", `unknown layer "${clip(raw.layer)}"; GET /api/layers lists the layers`);
    query.layer = id;
  }
  if (raw.article !== undefined) {
    const id = take("article", raw.article, readId("article"));
    if (!(await known.article(id))) throw new ParamError("article", `unknown article "${clip(raw.article)}"`);
    query.article = id;
  }
  return { query, detail, page: readPage(raw.limit, raw.after) };
}

/** One page of the list: at most `limit` events after `after` (keyset, lib/events/list-cursor.ts). */
export type EventPage = { limit: number; after?: EventCursor };

function readPage(limit: string | undefined, after: string | undefined): EventPage | undefined {
  if (limit === undefined && after === undefined) return undefined;
  if (limit === undefined) throw new ParamError("limit", `"after" pages through the list: give "limit" (1 to ${MAX_PAGE}) with it`);
  const n = /^\d{1,6}$/.test(limit) ? Number(limit) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE)) throw new ParamError("limit", `"${clip(limit)}" is not a whole number from 1 to ${MAX_PAGE}`);
  if (after === undefined) return { limit: n };
  const cursor = readCursor(after);
  if (!cursor) throw new ParamError("after", `"${clip(after)}" is not a list position; use the "next" value of the previous page`);
  return { limit: n, after: cursor };
}
