import { unescapeCell } from "@/lib/export/csv-cell";
import { eventOriginSchema, type EventOrigin, eventTimeSchema, GEO_PRECISIONS, EVENT_TYPES, type EventTime, type GeoPrecision, type EventType } from "@/lib/model/schema";
import { addDays, dayPhrase, monthOf, monthPhrase, parseDay } from "../dates";
import { slugPart, type MappedRecord } from "../record";
import { ACLED_COLUMNS, BRIEFMAP_COLUMNS, type ColumnIndex } from "./columns";
import { ACLED_GEO_PRECISION, ACLED_TIME_PRECISION, acledType } from "./mapping";

export type AcledRowResult = { record?: MappedRecord; skipped?: string; warnings: string[] };

/** One ACLED row mapped to an event, or the reason it cannot be. */
export function acledRow(cells: string[], columns: ColumnIndex, line: number): AcledRowResult {
  const get = (name: string) => {
    const i = columns.get(name);
    return i === undefined ? "" : unescapeCell((cells[i] ?? "").trim());
  };
  const warnings: string[] = [];
  const skip = (reason: string): AcledRowResult => ({ skipped: reason, warnings });
  if (cells.length < columns.size) return skip(`the row has ${cells.length} cells, the header ${columns.size}: a delimiter or quote is probably wrong`);

  // Briefmap's export leaves event_id_cnty empty for events that are not ACLED records; briefmap_id names them.
  const record = get("event_id_cnty");
  const id = get("briefmap_id") || (record ? `acled-${slugPart(record)}` : "");
  if (!record && !id) return skip("event_id_cnty is empty");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return skip(`"${record}" gives no usable event id`);

  const lat = Number(get("latitude"));
  const lon = Number(get("longitude"));
  if (get("latitude") === "" || !Number.isFinite(lat) || lat < -90 || lat > 90) return skip(`latitude "${get("latitude")}" is not a number from -90 to 90`);
  if (get("longitude") === "" || !Number.isFinite(lon) || lon < -180 || lon > 180) return skip(`longitude "${get("longitude")}" is not a number from -180 to 180`);

  const time = acledTime(get);
  if (typeof time === "string") return skip(time);

  const geoPrecision = (GEO_PRECISIONS as readonly string[]).includes(get("briefmap_geo_precision"))
    ? (get("briefmap_geo_precision") as GeoPrecision)
    : ACLED_GEO_PRECISION[get("geo_precision")];
  if (!geoPrecision) return skip(`geo_precision "${get("geo_precision")}" is not 1, 2 or 3`);

  const type = (EVENT_TYPES as readonly string[]).includes(get("briefmap_type")) ? (get("briefmap_type") as EventType) : acledType(get("event_type"), get("sub_event_type"));
  if (!type) return skip(`event_type "${get("event_type")}" / sub_event_type "${get("sub_event_type")}" is not one of ACLED's`);

  const quote = get("briefmap_quote") || get("notes");
  if (!quote) return skip("notes is empty: the event would have no sentence to quote");

  const fatalities = get("fatalities");
  if (fatalities !== "" && !/^\d+$/.test(fatalities)) warnings.push(`fatalities "${fatalities}" is not a whole number; kept as written in the origin`);

  const actors = [get("actor1"), get("actor2")].filter(Boolean);
  if (actors.length === 0) return skip("actor1 and actor2 are both empty");
  const location = get("location");
  const placeName = get("briefmap_place") || [location, get("admin1"), get("country")].filter(Boolean).join(", ") || `${lat}, ${lon}`;

  const original: Record<string, string> = {};
  for (const c of ACLED_COLUMNS) {
    if (c === "notes" || c === "latitude" || c === "longitude") continue; // kept elsewhere: the quote, the point
    const v = get(c);
    if (v !== "") original[c] = v;
  }
  const sub = get("sub_event_type") || get("event_type");
  const origin = exportedOrigin(get("briefmap_origin")) ?? (record ? { dataset: "acled" as const, record, original } : undefined);
  return {
    warnings,
    record: {
      line,
      quote,
      heading: `${record || id} · ${get("event_date")} · ${placeName}${get("source") ? ` · Source: ${get("source")}` : ""}`,
      event: {
        id,
        title: get("briefmap_title") || `${sub}${location ? ` in ${location}` : ""}`,
        summary: get("notes") || quote,
        type,
        actors,
        time,
        where: { name: placeName, point: [lon, lat] },
        about: [],
        geoPrecision,
        ...(origin ? { origin } : {}),
      },
    },
  };
}

/** The origin Briefmap's export wrote as JSON, when it is one. */
function exportedOrigin(text: string): EventOrigin | undefined {
  if (!text) return undefined;
  try {
    const parsed = eventOriginSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function acledTime(get: (name: string) => string): EventTime | string {
  // Briefmap's own columns (its export) give the time back exactly.
  if (get("briefmap_time_start") && get("briefmap_time_precision")) {
    const parsed = eventTimeSchema.safeParse({
      phrase: get("briefmap_time_phrase") || get("event_date"),
      precision: get("briefmap_time_precision"),
      start: get("briefmap_time_start"),
      end: get("briefmap_time_end") || get("briefmap_time_start"),
      bound: get("briefmap_time_bound") || "exact",
    });
    if (!parsed.success) return `the briefmap_time_* columns are not a valid time (${parsed.error.issues[0]?.message})`;
    return parsed.data;
  }
  const day = parseDay(get("event_date"));
  if (!day) return `event_date "${get("event_date")}" is not a date (expected 2025-05-16 or 16 May 2025)`;
  const precision = ACLED_TIME_PRECISION[get("time_precision") as keyof typeof ACLED_TIME_PRECISION];
  if (!precision) return `time_precision "${get("time_precision")}" is not 1, 2 or 3`;
  if (precision === "day") return { phrase: dayPhrase(day), precision: "day", start: day, end: day, bound: "exact" };
  if (precision === "week") {
    return { phrase: `the week around ${dayPhrase(day)}`, precision: "range", start: addDays(day, -3), end: addDays(day, 3), bound: "exact", note: "ACLED time_precision 2: the source gives the week" };
  }
  const month = monthOf(day);
  return { phrase: monthPhrase(day), precision: "month", start: month.start, end: month.end, bound: "exact", note: "ACLED time_precision 3: the source gives the month" };
}

export { BRIEFMAP_COLUMNS };
