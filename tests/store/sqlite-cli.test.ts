import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures");
const work = mkdtempSync(join(tmpdir(), "briefmap-db-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs an npm script's command (tsx on the script) against a store file; resolves with its exit code and output. */
async function cli(script: string, args: string[], storeFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts", script), ...args], {
      cwd: ROOT,
      env: { ...process.env, BRIEFMAP_DATABASE_URL: `file:${storeFile}` },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("db:import and db:export", () => {
  it("refuses a folder with any problem, lists each, and writes nothing", async () => {
    const dir = join(work, "bad");
    cpSync(join(FIXTURES, "data", "base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "bad", "quote-not-in-article.events.json"), join(dir, "articles", "sample.events.json"));
    cpSync(join(FIXTURES, "bad", "unclosed-ring.geojson"), join(dir, "geo", "zone.geojson"));
    const file = join(work, "bad.sqlite");
    const result = await cli("db-import.mts", [dir], file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("quote-not-in-article");
    expect(result.stderr).toContain("unclosed-ring");
    expect(result.stderr).toContain("nothing was imported");
    const store = openSqliteStore(file);
    expect(await store.isEmpty()).toBe(true);
    await store.close();
  });

  it("imports a folder and exports it back in the data/ form, which loads to the same data", async () => {
    const file = join(work, "round.sqlite");
    const source = join(ROOT, "data");
    const imported = await cli("db-import.mts", [source], file);
    expect(imported.code, imported.stderr).toBe(0);
    const out = join(work, "export");
    const exported = await cli("db-export.mts", [out], file);
    expect(exported.code, exported.stderr).toBe(0);
    const [before, after] = await Promise.all([loadBriefData(source), loadBriefData(out)]);
    expect(after.problems).toEqual([]);
    expect(after.events).toEqual(before.events);
    expect(after.articles.map(({ textFile: _t, eventsFile: _e, ...a }) => a)).toEqual(before.articles.map(({ textFile: _t, eventsFile: _e, ...a }) => a));
    expect(after.layers.map((l) => l.data)).toEqual(before.layers.map((l) => l.data));
    expect(after.layers.map((l) => l.summary)).toEqual(before.layers.map((l) => l.summary));
    expect(JSON.parse(readFileSync(join(out, "geo", "as-suwayda.layer.json"), "utf8")).aliases["as-suwayda"]).toContain("Sweida");
  });
});
