import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importEventFile } from "@/lib/import/events-import";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { syntheticAcledStream } from "../fixtures/import/acled-synthetic";

/*
 * Opt-in (BRIEFMAP_IMPORT_MILLION=1; a few minutes): a generated 1,000,000-row ACLED-layout file,
 * streamed, imports whole with the process's resident memory staying bounded. Its speed is measured
 * by bench/import.mts, never asserted here.
 */
const ROWS = 1_000_000;
const RSS_LIMIT_MB = 400;

describe.skipIf(process.env.BRIEFMAP_IMPORT_MILLION !== "1")("a million ACLED rows", () => {
  it(`import with memory bounded (RSS <= ${RSS_LIMIT_MB} MB)`, { timeout: 1_800_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "briefmap-million-"));
    const store = openSqliteStore(join(dir, "store.sqlite"));
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    try {
      const report = await importEventFile(store, syntheticAcledStream(ROWS), { format: "acled", fileName: "million.csv", actor: "test" });
      expect(report).toMatchObject({ rowsRead: ROWS, imported: ROWS, skipped: 0 });
      expect((await store.aggregate({})).count).toBe(ROWS);
      expect((await store.articles()).length).toBe(ROWS / 1000);
    } finally {
      clearInterval(sample);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(peak / 1024 / 1024).toBeLessThanOrEqual(RSS_LIMIT_MB);
  });
});
