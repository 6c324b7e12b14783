import { acledHeader } from "@/lib/import/acled/columns";
import { acledRow } from "@/lib/import/acled/row";
import { csvRecords } from "@/lib/import/csv-records";
import { gdeltRow } from "@/lib/import/gdelt/row";
import { ImportRefused } from "@/lib/import/record";
import { textLines } from "@/lib/import/text-lines";

/** One previewed row: the source's values on the left, what Briefmap makes of them on the right. */
export type PreviewRow = { line: number; source: string[]; mapped?: { id: string; type: string; time: string; precision: string; place: string }; skipped?: string };

export type Preview = { columns: string[]; rows: PreviewRow[]; refused?: string };

const ACLED_SHOWN = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "location", "geo_precision"];
const GDELT_SHOWN = [0, 1, 26, 6, 16, 51, 52];
const GDELT_NAMES = ["GLOBALEVENTID", "SQLDATE", "EventCode", "Actor1Name", "Actor2Name", "ActionGeo_Type", "ActionGeo_FullName"];

/** The first rows of a file mapped by the same code the import runs, from its first bytes only. */
export async function previewRows(head: Uint8Array, format: "acled" | "gdelt", rows = 6): Promise<Preview> {
  async function* once() {
    yield head;
  }
  try {
    if (format === "acled") {
      const out: PreviewRow[] = [];
      let columns: Map<string, number> | undefined;
      for await (const rec of csvRecords(once())) {
        if (!columns) {
          columns = acledHeader(rec.cells);
          continue;
        }
        if (out.length >= rows) break;
        const r = acledRow(rec.cells, columns, rec.line);
        const e = r.record?.event;
        out.push({
          line: rec.line,
          source: ACLED_SHOWN.map((c) => rec.cells[columns!.get(c) ?? -1] ?? ""),
          mapped: e && { id: e.id, type: e.type, time: `${e.time.precision}: ${e.time.start}${e.time.end !== e.time.start ? ` – ${e.time.end}` : ""}`, precision: e.geoPrecision, place: "name" in e.where ? e.where.name : "" },
          skipped: r.skipped,
        });
      }
      return { columns: ACLED_SHOWN, rows: out };
    }
    const out: PreviewRow[] = [];
    for await (const l of textLines(once())) {
      if (out.length >= rows) break;
      const fields = l.text.split("\t");
      if (fields.length < 10) return { columns: GDELT_NAMES, rows: out, refused: `line ${l.line} has ${fields.length} tab-separated field(s); GDELT 2.0 has 61` };
      const r = gdeltRow(fields, l.line);
      const e = r.record?.event;
      out.push({
        line: l.line,
        source: GDELT_SHOWN.map((i) => fields[i] ?? ""),
        mapped: e && { id: e.id, type: e.type, time: `${e.time.precision}: ${e.time.start}`, precision: e.geoPrecision, place: "name" in e.where ? e.where.name : "" },
        skipped: r.skipped,
      });
    }
    return { columns: GDELT_NAMES, rows: out };
  } catch (error) {
    if (error instanceof ImportRefused) return { columns: [], rows: [], refused: error.message };
    throw error;
  }
}
