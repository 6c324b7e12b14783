import { mkdtempSync, rmSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEventFile, type EventImportOptions } from "@/lib/import/events-import";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store } from "@/lib/store/store";
import { acledHeaderLine, csvLine, syntheticAcledCsv, syntheticAcledRow } from "../fixtures/import/acled-synthetic";

const GDELT = "/work/shared/samples/gdelt/gdelt2_20191024143000.syria_israel.tsv";
const GDELT_FULL = "/work/shared/samples/gdelt/gdelt2_20191024143000.export.CSV";

async function* bytes(text: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof text === "string" ? new TextEncoder().encode(text) : text;
}

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "briefmap-import-"));
  store = openSqliteStore(join(dir, "store.sqlite"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const acled = (text: string | Uint8Array, extra: Partial<EventImportOptions> = {}) =>
  importEventFile(store, bytes(text), { format: "acled", fileName: "acled.csv", actor: "analyst", batchSize: 4, ...extra });

describe("ACLED import", () => {
  it("imports every row with its mapping, quotes the notes and keeps the original coding", async () => {
    const report = await acled(syntheticAcledCsv(10));
    expect(report).toMatchObject({ rowsRead: 10, imported: 10, updated: 0, skipped: 0 });
    expect(report.articles).toHaveLength(3);
    const e = (await store.event("acled-syn1"))!.value;
    expect(e.type).toBe("armed-clash");
    expect(e.time).toMatchObject({ precision: "day", start: "2024-01-01", end: "2024-01-01" });
    expect(e.geoPrecision).toBe("city");
    expect(e.place.point).toEqual([35, 32]);
    expect(e.summary).toContain("row 1");
    expect(e.sources[0]!.quote).toBe(e.summary);
    expect(e.origin).toMatchObject({ dataset: "acled", record: "SYN1", original: { event_type: "Battles", sub_event_type: "Armed clash", time_precision: "1", fatalities: "0" } });
    const week = (await store.event("acled-syn2"))!.value; // "02 January 2024", time_precision 2
    expect(week.time).toMatchObject({ precision: "range", start: "2023-12-30", end: "2024-01-05" });
    expect(week.geoPrecision).toBe("region");
    const month = (await store.event("acled-syn3"))!.value;
    expect(month.time).toMatchObject({ precision: "month", start: "2024-01-01", end: "2024-01-31" });
    const article = (await store.article(e.article))!.value;
    expect(article.text.slice(e.sources[0]!.start, e.sources[0]!.end)).toBe(e.summary);
  });

  it("updates by event_id_cnty on re-import and removes what a deletions file names", async () => {
    await acled(syntheticAcledCsv(5));
    const again = await acled(syntheticAcledCsv(3, (i) => (i === 0 ? { notes: "Revised: the clash was on the next day." } : {})), {
      deletions: bytes("event_id_cnty,deleted_timestamp\nSYN5,1718000001\nSYN99,1718000001\n"),
    });
    expect(again).toMatchObject({ rowsRead: 3, imported: 0, updated: 3, deleted: 1, notFound: 1 });
    expect((await store.event("acled-syn1"))!.value.summary).toBe("Revised: the clash was on the next day.");
    expect(await store.event("acled-syn5")).toBeUndefined();
    expect(await store.aggregate({})).toMatchObject({ count: 4 });
    // The first import's second article quoted only SYN5 (deleted): removed; its first still quotes SYN4.
    expect(again.articlesPruned).toBe(1);
    expect((await store.articles()).map((a) => a.eventCount).sort()).toEqual([1, 3]);
  });

  it("skips bad rows with a reason each and imports the rest", async () => {
    const rows = [
      acledHeaderLine(),
      csvLine(syntheticAcledRow(0, { latitude: "123" })),
      csvLine(syntheticAcledRow(1, { fatalities: "N/A" })),
      csvLine(syntheticAcledRow(2, { event_date: "05/09/2020" })),
      csvLine(syntheticAcledRow(3, { notes: "" })),
      csvLine(syntheticAcledRow(4, { event_type: "Weather", sub_event_type: "Rain" })),
      csvLine(syntheticAcledRow(5, { notes: '=HYPERLINK("http://evil.example","click")' })),
    ];
    const report = await acled(rows.join("\r\n"));
    expect(report.rowsRead).toBe(6);
    expect(report.imported).toBe(2);
    expect(report.skippedRows).toEqual([
      { line: 2, reason: 'latitude "123" is not a number from -90 to 90' },
      { line: 4, reason: 'event_date "05/09/2020" is not a date (expected 2025-05-16 or 16 May 2025)' },
      { line: 5, reason: "notes is empty: the event would have no sentence to quote" },
      { line: 6, reason: 'event_type "Weather" / sub_event_type "Rain" is not one of ACLED\'s' },
    ]);
    expect(report.warnings).toEqual([{ line: 3, message: 'fatalities "N/A" is not a whole number; kept as written in the origin' }]);
    expect((await store.event("acled-syn6"))!.value.summary).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it("reads a Latin-1 row and a byte order mark", async () => {
    const text = "\ufeff" + syntheticAcledCsv(2);
    const utf8 = new TextEncoder().encode(text);
    // The second row's location as Latin-1 bytes: "Village 1" → "Villàge 1".
    const latin = Buffer.from(Buffer.from(utf8).toString("latin1").replace("Village 1,", "Vill\u00e0ge 1,"), "latin1");
    const report = await acled(new Uint8Array(latin));
    expect(report).toMatchObject({ imported: 2, skipped: 0 });
    expect((await store.event("acled-syn2"))!.value.place.name).toContain("Villàge 1");
    expect(report.warnings.map((w) => w.message)).toContain("not UTF-8: read as Latin-1 (Windows-1252)");
  });

  it("refuses a semicolon file, a missing or renamed column, and writes nothing", async () => {
    const semicolon = await acled(syntheticAcledCsv(2).replace(/,/g, ";"));
    expect(semicolon.refused).toMatch(/separated by ";", not commas/);
    const renamed = await acled(syntheticAcledCsv(2).replace("latitude", "lat"));
    expect(renamed.refused).toMatch(/latitude \(is "lat" it, renamed\?\)/);
    const missing = await acled(syntheticAcledCsv(2).replace(",notes,", ",").replace(/,"On [^"]*"/g, ""));
    expect(missing.refused).toMatch(/lacks ACLED column\(s\) notes/);
    expect(await store.isEmpty()).toBe(true);
  });

  it("refuses a file whose quote is never closed, writing none of the rows before it", async () => {
    const report = await acled(syntheticAcledCsv(6) + csvLine(syntheticAcledRow(6)).replace("Synthetic Wire", '"Synthetic Wire'));
    expect(report.refused).toMatch(/quote that is never closed/);
    expect(await store.isEmpty()).toBe(true);
  });

  it("a dry run reports the counts and writes nothing", async () => {
    const report = await acled(syntheticAcledCsv(6), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, imported: 6 });
    expect(await store.isEmpty()).toBe(true);
  });
});

describe("GDELT import", () => {
  const gdelt = (path: string, extra: Partial<EventImportOptions> = {}) =>
    importEventFile(store, createReadStream(path), { format: "gdelt", fileName: path.split("/").pop()!, actor: "analyst", ...extra });

  it("imports the Syria/Israel sample with the report's counts", async () => {
    const report = await gdelt(GDELT);
    expect(report).toMatchObject({ rowsRead: 155, imported: 155, updated: 0, skipped: 0, filtered: 0 });
    expect(report.articles).toHaveLength(1);
    const e = (await store.event("gdelt-881990888"))!.value;
    expect(e).toMatchObject({ type: "diplomacy", geoPrecision: "region", time: { start: "2019-10-23", precision: "day" } });
    expect(e.origin).toMatchObject({ dataset: "gdelt", record: "881990888", url: "https://www.theguardian.com/culture/2019/oct/24/stephen-colbert-trump-samantha-bee-seth-meyers", original: { EventCode: "040", ActionGeo_Type: "2" } });
    const again = await gdelt(GDELT);
    expect(again).toMatchObject({ imported: 0, updated: report.imported });
  });

  it("reads the whole 15-minute export: 2,073 events, 38 rows without a usable place skipped with the reason", async () => {
    const report = await gdelt(GDELT_FULL, { dryRun: true });
    expect(report).toMatchObject({ rowsRead: 2111, imported: 2073, skipped: 38 });
    const reasons = report.skippedRows.map((s) => s.reason);
    expect(reasons.filter((r) => r === 'ActionGeo_Type "0": the event has no location')).toHaveLength(37);
    expect(reasons.filter((r) => r === 'ActionGeo_Lat/Long ", " is not a point')).toHaveLength(1);
  });

  it("filters the full export by country and by box", async () => {
    const bySyria = await gdelt(GDELT_FULL, { filter: { country: "SY" }, dryRun: true });
    expect(bySyria.rowsRead).toBe(2111);
    expect(bySyria.imported).toBeGreaterThan(0);
    expect(bySyria.filtered + bySyria.imported + bySyria.skipped).toBe(2111);
    const box = await gdelt(GDELT_FULL, { filter: { bbox: [34, 29, 36, 34] } });
    const events = await store.events({}, { limit: 10_000 });
    expect(events.length).toBe(box.imported);
    expect(events.every((e) => e.place.point[0] >= 34 && e.place.point[0] <= 36 && e.place.point[1] >= 29 && e.place.point[1] <= 34)).toBe(true);
  });

  it("refuses a file that is not tab-separated", async () => {
    const report = await importEventFile(store, bytes(syntheticAcledCsv(3)), { format: "gdelt", fileName: "x.csv", actor: "a" });
    expect(report.refused).toMatch(/tab-separated with 61 fields/);
  });
});
