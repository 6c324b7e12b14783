import { ACLED_COLUMNS, BRIEFMAP_COLUMNS } from "@/lib/import/acled/columns";
import { GEO_PRECISION_TO_ACLED } from "@/lib/import/acled/mapping";
import type { LoadedEvent } from "@/lib/model/event";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { csvCell } from "./csv-cell";

/** ACLED's 31 columns, then Briefmap's own (time precision, quote, article…) and the origin as JSON. */
export const EXPORT_COLUMNS = [...ACLED_COLUMNS, ...BRIEFMAP_COLUMNS, "briefmap_origin"] as const;

export const csvHead = () => EXPORT_COLUMNS.join(",") + "\r\n";

/**
 * One event as a row. ACLED's columns carry the event's original ACLED coding when it came from
 * ACLED, and Briefmap's nearest equivalent otherwise; event_id_cnty stays empty for an event that
 * is not an ACLED record, so that nothing claims to be ACLED's that is not.
 */
export function eventCsvRow(e: LoadedEvent): string {
  const acled = e.origin?.dataset === "acled" ? e.origin.original : undefined;
  const t = e.time;
  const days = (Date.parse(t.end) - Date.parse(t.start)) / 86_400_000;
  const row: Record<string, string | number | undefined> = {
    ...acled,
    event_id_cnty: e.origin?.dataset === "acled" ? e.origin.record : "",
    event_date: t.start,
    year: t.start.slice(0, 4),
    time_precision: acled?.time_precision ?? (t.precision === "day" ? "1" : days <= 7 ? "2" : "3"),
    event_type: acled?.event_type ?? EVENT_TYPE_INFO[e.type].label,
    actor1: e.actors[0],
    actor2: e.actors[1],
    assoc_actor_1: acled?.assoc_actor_1 ?? (e.actors.length > 2 ? e.actors.slice(2).join("; ") : undefined),
    location: e.place.name,
    latitude: e.place.point[1],
    longitude: e.place.point[0],
    geo_precision: acled?.geo_precision ?? GEO_PRECISION_TO_ACLED[e.geoPrecision],
    notes: e.summary,
    briefmap_id: e.id,
    briefmap_type: e.type,
    briefmap_title: e.title,
    briefmap_time_phrase: t.phrase,
    briefmap_time_precision: t.precision,
    briefmap_time_start: t.start,
    briefmap_time_end: t.end,
    briefmap_time_bound: t.bound,
    briefmap_geo_precision: e.geoPrecision,
    briefmap_place: e.place.name,
    briefmap_quote: e.sources[0]?.quote,
    briefmap_article: e.article,
    briefmap_origin: e.origin ? JSON.stringify(e.origin) : undefined,
  };
  return EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(",") + "\r\n";
}
