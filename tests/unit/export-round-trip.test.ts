import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import { eventsDownload } from "@/lib/export/events-export";
import { importEventFile } from "@/lib/import/events-import";
import type { LoadedEvent } from "@/lib/model/event";
import { dataSetOf } from "@/lib/store/from-files";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store } from "@/lib/store/store";
import { syntheticAcledCsv } from "../fixtures/import/acled-synthetic";

const GDELT = "/work/shared/samples/gdelt/gdelt2_20191024143000.syria_israel.tsv";

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

let dir: string;
let source: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefmap-round-trip-"));
  source = openSqliteStore(join(dir, "source.sqlite"));
  const data = await loadBriefData("data");
  await source.importData(dataSetOf(data), { actor: "seed", mode: "replace" });
  await importEventFile(source, bytes(syntheticAcledCsv(40, (i) => (i === 3 ? { notes: '=HYPERLINK("http://x.example","y")' } : {}))), { format: "acled", fileName: "syn.csv", actor: "seed" });
  await importEventFile(source, createReadStream(GDELT), { format: "gdelt", fileName: "gdelt.tsv", actor: "seed" });
});
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

const essentials = (e: LoadedEvent) => ({ id: e.id, type: e.type, time: { ...e.time, note: undefined }, geoPrecision: e.geoPrecision, place: { name: e.place.name, point: e.place.point }, title: e.title, quote: e.sources[0]!.quote, origin: e.origin });

describe("export → import round trip", () => {
  it("gives the same events back from the CSV export (ids, times, precisions, places)", async () => {
    const all = await source.events({}, { limit: 10_000 });
    expect(all.length).toBeGreaterThan(150);
    const response = await eventsDownload(source, {}, "csv");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="briefmap-events.csv"');
    const csv = await response.text();
    // The formula cell reaches Excel as text.
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""y"")"`);

    const target = openSqliteStore(join(dir, "target.sqlite"));
    try {
      const report = await importEventFile(target, bytes(csv), { format: "acled", fileName: "briefmap-events.csv", actor: "analyst" });
      expect(report).toMatchObject({ rowsRead: all.length, imported: all.length, skipped: 0 });
      const back = await target.events({}, { limit: 10_000 });
      expect(back.map(essentials)).toEqual(all.map(essentials));
    } finally {
      await target.close();
    }
  });

  it("exports a filtered view as KML with a TimeSpan per event and a file name naming the view", async () => {
    const response = await eventsDownload(source, { types: ["strike"], from: "2024-01-01", to: "2024-03-31" }, "kml");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="briefmap-events_2024-01-01_2024-03-31_strike.kml"');
    const kml = await response.text();
    const strikes = await source.events({ types: ["strike"], from: "2024-01-01", to: "2024-03-31" }, { limit: 10_000 });
    expect(strikes.length).toBeGreaterThan(0);
    expect(kml.match(/<Placemark /g)?.length).toBe(strikes.length);
    expect(kml).toContain(`<TimeSpan><begin>${strikes[0]!.time.start}</begin><end>${strikes[0]!.time.end}</end></TimeSpan>`);
    expect(kml.trimEnd().endsWith("</kml>")).toBe(true);
  });
});
