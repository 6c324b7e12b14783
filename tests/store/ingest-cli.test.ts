import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const SEED = join(ROOT, "data", "articles", "syria-israel-paris-talks-2025-08-20.txt");
const work = mkdtempSync(join(tmpdir(), "briefmap-ingest-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function ingest(args: string[], storeFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts", "ingest.mts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, BRIEFMAP_DATABASE_URL: `file:${storeFile}` },
      maxBuffer: 20_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function storeCounts(file: string) {
  const store = await openSqliteStore(file);
  try {
    return { articles: (await store.articles()).length, reviewed: (await store.events({ review: "reviewed" }, { limit: 10_000 })).length, unreviewed: (await store.events({ review: "unreviewed" }, { limit: 10_000 })).length };
  } finally {
    await store.close();
  }
}

describe("npm run ingest", () => {
  it("--dry-run --json prints exactly the issue's shape and writes nothing", async () => {
    const file = join(work, "dry.sqlite");
    const result = await ingest(["--text", SEED, "--published", "2025-08-20", "--dry-run", "--json"], file);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { mentions: { places: Record<string, unknown>[]; dates: Record<string, unknown>[] }; drafts: Record<string, unknown>[] };
    expect(Object.keys(out).sort()).toEqual(["drafts", "mentions"]);
    expect(Object.keys(out.mentions).sort()).toEqual(["dates", "places"]);
    for (const p of out.mentions.places) {
      expect(Object.keys(p).sort()).toEqual(["end", "resolved", "start", "text"]);
      if (p.resolved) expect(Object.keys(p.resolved).every((k) => ["name", "point", "layer", "feature"].includes(k))).toBe(true);
    }
    const suwayda = out.mentions.places.find((p) => p.text === "As-Suwayda");
    expect(suwayda).toMatchObject({ start: 1620, end: 1630, resolved: { name: "As-Sweida", layer: "as-suwayda", feature: "as-suwayda" } });
    expect(out.mentions.dates).toContainEqual({ text: "on Tuesday", start: 16, end: 26, resolved: { start: "2025-08-19", end: "2025-08-19", precision: "day" } });
    expect(out.drafts.length).toBeGreaterThanOrEqual(11);
    expect(out.drafts[0]).toMatchObject({ type: "statement", review: { status: "unreviewed", method: "extracted" } });
    // The first start imports the seed; the dry run adds nothing to it.
    expect(await storeCounts(file)).toEqual({ articles: 1, reviewed: 13, unreviewed: 0 });
  }, 60_000);

  it("saves the article and its drafts unreviewed, hidden until reviewed, and refuses to save it twice", async () => {
    const file = join(work, "save.sqlite");
    const result = await ingest(["--text", SEED, "--published", "2025-08-20", "--title", "Second copy", "--publisher", "Wire", "--json"], file);
    expect(result.code).toBe(0);
    const saved = JSON.parse(result.stdout) as { article: string; drafts: string[]; review: string };
    expect(saved.article).toBe("second-copy-2025-08-20");
    expect(saved.review).toBe("/articles/second-copy-2025-08-20/review");
    expect(await storeCounts(file)).toEqual({ articles: 2, reviewed: 13, unreviewed: saved.drafts.length });
    const again = await ingest(["--text", SEED, "--published", "2025-08-20", "--title", "Second copy"], file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('article "second-copy-2025-08-20" already exists; nothing was saved');
  }, 60_000);

  it("refuses bad input with a message naming it, and saves nothing", async () => {
    const file = join(work, "bad.sqlite");
    const empty = join(work, "empty.txt");
    writeFileSync(empty, "  \n");
    const binary = join(work, "binary.bin");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0xff, 0xfe]));
    expect(await ingest(["--text", empty, "--published", "2025-08-20"], file)).toMatchObject({ code: 1, stderr: expect.stringContaining("--text: the text is empty; nothing was saved") });
    expect(await ingest(["--text", binary, "--published", "2025-08-20"], file)).toMatchObject({ code: 1, stderr: expect.stringContaining("looks binary") });
    expect(await ingest(["--text", SEED, "--published", "2099-01-01"], file)).toMatchObject({ code: 1, stderr: expect.stringContaining("is in the future") });
    expect(await ingest(["--text", SEED, "--published", "yesterday"], file)).toMatchObject({ code: 1, stderr: expect.stringContaining("not a date as YYYY-MM-DD") });
    expect(await ingest(["--text", join(work, "missing.txt"), "--published", "2025-08-20"], file)).toMatchObject({ code: 1, stderr: expect.stringContaining("no such file") });
    expect(await ingest(["--published", "2025-08-20"], file)).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run ingest") });
    expect(await storeCounts(file)).toEqual({ articles: 1, reviewed: 13, unreviewed: 0 });
  }, 120_000);
});
