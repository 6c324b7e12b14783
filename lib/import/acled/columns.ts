import { ImportRefused } from "../record";

/** The 31 columns of ACLED exports since 2023, in their order. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

/** What the import reads; the other ACLED columns are kept in `origin.original` when present. */
export const REQUIRED = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "location", "latitude", "longitude", "geo_precision", "source", "notes"] as const;

/**
 * Briefmap's own columns, which its CSV export adds after ACLED's: when present, they give back the
 * event exactly as Briefmap held it (id, type, time, precision), so that an export imports unchanged.
 */
export const BRIEFMAP_COLUMNS = [
  "briefmap_id",
  "briefmap_type",
  "briefmap_title",
  "briefmap_time_phrase",
  "briefmap_time_precision",
  "briefmap_time_start",
  "briefmap_time_end",
  "briefmap_time_bound",
  "briefmap_geo_precision",
  "briefmap_place",
  "briefmap_quote",
  "briefmap_article",
] as const;

/** Near-misses seen in the wild, to say which column was probably renamed. */
const LIKELY_RENAMES: Record<string, string[]> = {
  latitude: ["lat", "y"],
  longitude: ["lon", "lng", "long", "x"],
  event_id_cnty: ["event_id", "id", "event_id_no_cnty"],
  event_date: ["date"],
  notes: ["note", "description"],
};

export type ColumnIndex = Map<string, number>;

/** Checks the header: a clear refusal names the delimiter actually used or each missing column. */
export function acledHeader(cells: string[]): ColumnIndex {
  const names = cells.map((c) => c.trim().toLowerCase());
  if (names.length === 1) {
    const only = names[0] ?? "";
    const used = [";", "\t", "|"].find((d) => only.includes(d));
    throw new ImportRefused(
      used
        ? `the header is separated by ${used === "\t" ? "tabs" : `"${used}"`}, not commas: ACLED files are comma-separated (save or export the file as CSV with commas)`
        : "the header has a single column: this is not an ACLED CSV file",
    );
  }
  const index: ColumnIndex = new Map();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const hints = missing.map((m) => {
      const alias = (LIKELY_RENAMES[m] ?? []).find((a) => index.has(a));
      return alias ? `${m} (is "${alias}" it, renamed?)` : m;
    });
    throw new ImportRefused(`the file lacks ACLED column(s) ${hints.join(", ")}; the header must name ACLED's columns (event_id_cnty, event_date, …, notes, fatalities)`);
  }
  return index;
}
