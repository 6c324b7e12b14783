import { dayKey } from "@/lib/events/index-time";
import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import { fold } from "../search-text";

/** Shortest needle the trigram index can look up; a shorter one is searched by scanning the text. */
const TRIGRAM = 3;

/**
 * The SQL for an EventQuery over `events e`: the same events `filterEvents` keeps. The R*Tree,
 * the trigram index and the layer membership table narrow the candidates; every condition is then
 * checked exactly on the real columns (the R*Tree holds float32 boxes, trigrams only candidates).
 */
export function eventConditions(query: EventQuery, after?: EventCursor): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  const review = query.review ?? "reviewed";
  if (review !== "all") add("e.review_status = ?", review);
  if (query.id !== undefined) add("e.id = ?", query.id);
  if (query.article !== undefined) add("e.article = ?", query.article);
  if (query.types && query.types.length > 0) add(`e.type IN (${query.types.map(() => "?").join(", ")})`, ...query.types);
  if (query.from !== undefined) add("e.end >= ?", query.from);
  if (query.to !== undefined) add("e.start <= ?", query.to);
  if (query.bbox) {
    const [w, s, e, n] = query.bbox;
    add("e.lat BETWEEN ? AND ?", s, n);
    if (w <= e) add("e.lon BETWEEN ? AND ?", w, e);
    else add("(e.lon >= ? OR e.lon <= ?)", w, e);
  }
  const boxes = rtreeCandidates(query);
  if (boxes) add(`e.rowid IN (${boxes.sql})`, ...boxes.params);
  if (query.q !== undefined && query.q !== "") {
    const needle = fold(query.q);
    const grams = trigrams(needle);
    if (grams.length > 0) {
      add(`e.rowid IN (SELECT rowid FROM event_text WHERE event_text MATCH ? AND instr(text, ?) > 0)`, grams.map((g) => `"${g.replaceAll('"', '""')}"`).join(" AND "), needle);
    } else {
      add("e.rowid IN (SELECT rowid FROM event_text WHERE instr(text, ?) > 0)", needle);
    }
  }
  if (query.layer !== undefined) add("e.rowid IN (SELECT event FROM layer_members WHERE layer = ?)", query.layer);
  if (after) add("(e.start, e.end, e.id) > (?, ?, ?)", after.start, after.end, after.id);
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

/**
 * How far the R*Tree box is widened: SQLite rounds stored float32 boxes outward, except for values
 * too small for float32 (5e-324 is stored as 0), which this margin covers. Hits are rechecked exactly.
 */
const MARGIN = 1e-6;

/** Box and time window as R*Tree constraints; a box across the antimeridian is two boxes. */
function rtreeCandidates(query: EventQuery): { sql: string; params: unknown[] } | undefined {
  const from = query.from !== undefined ? dayKey(query.from) : undefined;
  const to = query.to !== undefined ? dayKey(query.to) : undefined;
  if (!query.bbox && from === undefined && to === undefined) return undefined;
  const time: string[] = [];
  const timeParams: number[] = [];
  if (from !== undefined) {
    time.push("max_day >= ?");
    timeParams.push(from);
  }
  if (to !== undefined) {
    time.push("min_day <= ?");
    timeParams.push(to);
  }
  const select = (lon?: [number, number], lat?: [number, number]) => {
    const parts = [...time];
    const values: number[] = [...timeParams];
    if (lon) {
      parts.push("max_lon >= ?", "min_lon <= ?");
      values.push(lon[0] - MARGIN, lon[1] + MARGIN);
    }
    if (lat) {
      parts.push("max_lat >= ?", "min_lat <= ?");
      values.push(lat[0] - MARGIN, lat[1] + MARGIN);
    }
    return { sql: `SELECT id FROM event_boxes WHERE ${parts.join(" AND ")}`, params: values };
  };
  if (!query.bbox) return select();
  const [w, s, e, n] = query.bbox;
  if (w <= e) return select([w, e], [s, n]);
  const west = select([w, 180], [s, n]);
  const east = select([-180, e], [s, n]);
  return { sql: `${west.sql} UNION ALL ${east.sql}`, params: [...west.params, ...east.params] };
}

/**
 * The needle's distinct trigrams (by code point), each one FTS5 string: the index holds no
 * positions (detail = none), so it finds the events holding all of them, and `instr` decides.
 */
function trigrams(needle: string): string[] {
  const chars = [...needle];
  const grams = new Set<string>();
  for (let i = 0; i + TRIGRAM <= chars.length; i++) grams.add(chars.slice(i, i + TRIGRAM).join(""));
  return [...grams];
}

/** R*Tree day coordinates: YYYYMMDD, which orders as the strings do (float32 boxes round outward). */
export function dayCoordinate(day: string, fallback: number): number {
  return dayKey(day) ?? fallback;
}
