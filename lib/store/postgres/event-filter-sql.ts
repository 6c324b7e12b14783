import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import { dayKey } from "@/lib/events/index-time";
import { fold } from "../search-text";
import { hasNul } from "./nul";

/** A WHERE clause over `events e` and its parameters, numbered from $1. */
export type SqlFilter = { where: string; params: unknown[] };

/**
 * The one event filter (lib/model/event-query) as SQL, with the semantics of `filterEvents`:
 * spans overlapping the window, boxes with edges included (crossing the antimeridian when west >
 * east), folded substring text search, layer membership stored at write time.
 */
export function eventFilterSql(query: EventQuery, after?: EventCursor, params: unknown[] = []): SqlFilter {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  // Nothing stored holds a NUL (see nul.ts): a filter asking for one matches nothing.
  if ([query.id, query.article, query.layer, query.q, ...(query.types ?? [])].some(hasNul)) return { where: "false", params };
  const review = query.review ?? "reviewed";
  if (review !== "all") conditions.push(`e.review_status = ${param(review)}`);
  if (query.id !== undefined) conditions.push(`e.id = ${param(query.id)}`);
  if (query.article !== undefined) conditions.push(`e.article = ${param(query.article)}`);
  if (query.types && query.types.length > 0) conditions.push(`e.type = ANY(${param([...query.types])}::text[])`);

  if (query.from || query.to) {
    // Day keys order exactly as the YYYY-MM-DD strings do. A key that cannot be made (not a
    // date), or a window that ends before it starts (no range, yet a long span can still reach
    // across it), falls back to the two comparisons filterEvents makes.
    const from = query.from ? dayKey(query.from) : undefined;
    const to = query.to ? dayKey(query.to) : undefined;
    if ((query.from && from === undefined) || (query.to && to === undefined) || (from !== undefined && to !== undefined && from > to)) {
      if (query.from) conditions.push(`e.time_end >= ${param(query.from)}`);
      if (query.to) conditions.push(`e.time_start <= ${param(query.to)}`);
    } else {
      conditions.push(`e.days && int4range(${param(from ?? null)}::integer, ${param(to ?? null)}::integer, '[]')`);
    }
  }

  if (query.bbox) {
    const [w, s, e, n] = query.bbox;
    const box = (west: number, east: number) =>
      `(e.point && ST_MakeEnvelope(${param(west)}::float8, ${param(s)}::float8, ${param(east)}::float8, ${param(n)}::float8, 4326)` +
      // The index compares float32 boxes: recheck on the real coordinates, edges included.
      ` AND ST_X(e.point) BETWEEN ${param(west)}::float8 AND ${param(east)}::float8 AND ST_Y(e.point) BETWEEN ${param(s)}::float8 AND ${param(n)}::float8)`;
    conditions.push(w <= e ? box(w, e) : `(${box(w, 180)} OR ${box(-180, e)})`);
  }

  if (query.q) {
    const needle = fold(query.q);
    // `search` is folded the same way; LIKE with the trigram index finds any substring.
    if (needle) conditions.push(`e.search LIKE ${param(`%${escapeLike(needle)}%`)}`);
  }

  if (query.layer !== undefined) {
    conditions.push(`EXISTS (SELECT 1 FROM layer_members m WHERE m.layer = ${param(query.layer)} AND m.event = e.id)`);
  }

  if (after) {
    const [start, end, id] = [after.start, after.end, after.id].map((v) => v.replaceAll("\u0000", ""));
    conditions.push(`(e.time_start, e.time_end, e.id) > (${param(start)}, ${param(end)}, ${param(id)})`);
  }

  return { where: conditions.length ? conditions.join(" AND ") : "true", params };
}

/** LIKE's wildcards and its escape character taken literally. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** List order everywhere: time start, time end, id (code point order, as the "C" collation gives). */
export const LIST_ORDER = "e.time_start, e.time_end, e.id";
