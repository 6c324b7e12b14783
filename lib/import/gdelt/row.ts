import { dayPhrase } from "../dates";
import { isCalendarDate } from "@/lib/model/calendar-date";
import type { MappedRecord } from "../record";
import { cameoType, GDELT_GEO_TYPES } from "./cameo";

/** The 61 fields of a GDELT 2.0 event row, by position (the files have no header). */
export const GDELT_FIELDS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
  "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
  "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
  "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
  "DATEADDED", "SOURCEURL",
] as const;

type Field = (typeof GDELT_FIELDS)[number];
const at = new Map<string, number>(GDELT_FIELDS.map((f, i) => [f, i]));

/** Fields kept verbatim on the event's origin. */
const KEPT: Field[] = ["SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_FeatureID", "DATEADDED"];

/** Which rows an import keeps: by FIPS country code of the action, or by a box (w, s, e, n). */
export type GdeltFilter = { country?: string; bbox?: [number, number, number, number] };

export type GdeltRowResult = { record?: MappedRecord; skipped?: string; filtered?: boolean };

export function gdeltRow(fields: string[], line: number, filter: GdeltFilter = {}): GdeltRowResult {
  if (fields.length === 58) return { skipped: "58 fields: this is a GDELT 1.0 row; GDELT 2.0 event files have 61" };
  if (fields.length !== 61) return { skipped: `${fields.length} tab-separated fields, not GDELT 2.0's 61` };
  const get = (f: Field) => (fields[at.get(f)!] ?? "").trim();
  const id = get("GLOBALEVENTID");
  if (!/^\d+$/.test(id)) return { skipped: `GLOBALEVENTID "${id}" is not a number` };

  const country = get("ActionGeo_CountryCode");
  const lat = Number(get("ActionGeo_Lat"));
  const lon = Number(get("ActionGeo_Long"));
  const geo = GDELT_GEO_TYPES[get("ActionGeo_Type")];
  if (!geo && (filter.country || filter.bbox)) return { filtered: true }; // no place: outside any filter
  if (!geo) return { skipped: `ActionGeo_Type "${get("ActionGeo_Type")}": the event has no location` };
  if (get("ActionGeo_Lat") === "" || !Number.isFinite(lat) || lat < -90 || lat > 90 || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    return { skipped: `ActionGeo_Lat/Long "${get("ActionGeo_Lat")}, ${get("ActionGeo_Long")}" is not a point` };
  }
  if (filter.country && country.toUpperCase() !== filter.country.toUpperCase()) return { filtered: true };
  if (filter.bbox) {
    const [w, s, e, n] = filter.bbox;
    if (lon < w || lon > e || lat < s || lat > n) return { filtered: true };
  }

  const code = get("EventCode");
  const cameo = cameoType(code);
  if (!cameo) return { skipped: `EventCode "${code}" is not a CAMEO code` };
  const sqlDate = get("SQLDATE");
  const day = /^\d{8}$/.test(sqlDate) ? `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}` : "";
  if (!isCalendarDate(day)) return { skipped: `SQLDATE "${sqlDate}" is not a date` };
  const actors = [get("Actor1Name"), get("Actor2Name")].filter(Boolean);
  if (actors.length === 0) return { skipped: "neither Actor1Name nor Actor2Name is given" };

  const url = get("SOURCEURL");
  const place = get("ActionGeo_FullName") || country;
  const original: Record<string, string> = {};
  for (const f of KEPT) if (get(f) !== "") original[f] = get(f);
  const quote = `${get("Actor1Name") || "(no actor 1)"} | CAMEO ${code} ${cameo.label} | ${get("Actor2Name") || "(no actor 2)"} | ${place} | ${sqlDate}`;
  return {
    record: {
      line,
      quote,
      heading: `GLOBALEVENTID ${id} · added ${get("DATEADDED")} · ${url}`,
      event: {
        id: `gdelt-${id}`,
        title: `${cameo.label}: ${actors.join(" and ")}`,
        summary: `GDELT codes CAMEO ${code} (${cameo.label}) ${actors.length === 2 ? `between ${actors[0]} and ${actors[1]}` : `by ${actors[0]}`} at ${place} (${geo.label}), from ${get("NumArticles") || "?"} article(s); source: ${url || "none given"}`,
        type: cameo.type,
        actors,
        time: { phrase: dayPhrase(day), precision: "day", start: day, end: day, bound: "exact", note: "GDELT SQLDATE: the day GDELT dates the event to" },
        where: { name: place, point: [lon, lat] },
        about: [],
        geoPrecision: geo.precision,
        origin: { dataset: "gdelt", record: id, ...(url ? { url } : {}), original },
      },
    },
  };
}
