import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { article, event } from "./contract-fixtures";

const ROOT = join(import.meta.dirname, "..", "..");
const COUNT = 100_000;
const work = mkdtempSync(join(tmpdir(), "briefmap-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("a process killed in the middle of a 100,000-event import leaves a store that opens cleanly with all or none of them", async () => {
  const file = join(work, "store.sqlite");
  // Something committed before the import, which must survive it.
  const before = openSqliteStore(file);
  const a = article("kept", ["This was written before the import."]);
  await before.createArticle(a.input, { actor: "setup" });
  await before.createEvent(event({ id: "kept-event", article: "kept", sources: [a.quote(0)] }), { actor: "setup" });
  await before.close();

  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, which SIGKILL would miss.
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "sqlite-import-child.mts"), file, String(COUNT)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("importing")) resolve();
    });
    child.once("exit", () => reject(new Error(`the import child ended before importing:\n${output}`)));
  });
  // Into the import (validation and writes take seconds for 100,000 events), then no chance to clean up.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  expect(output).not.toContain("imported");

  const raw = new Database(file);
  expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
  raw.close();
  const store = openSqliteStore(file);
  const synthetic = (await store.aggregate({ article: "synthetic-events" })).count;
  expect([0, COUNT]).toContain(synthetic);
  expect((await store.event("kept-event"))?.value.id).toBe("kept-event");
  // And it takes writes again.
  const b = article("after", ["Written after the crash."]);
  await store.createArticle(b.input, { actor: "after" });
  expect((await store.articles()).map((x) => x.id)).toContain("after");
  await store.close();
});

it("a process killed in the middle of a stream of writes keeps every acknowledged write, whole", async () => {
  const file = join(work, "stream.sqlite");
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "sqlite-writes-child.mts"), file], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // Some writes in, then no chance to finish the current one cleanly.
      if ((output.match(/^w-\d+$/gm) ?? []).length >= 50) resolve();
    });
    child.once("exit", () => reject(new Error(`the writer ended early:\n${output}`)));
  });
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  const acknowledged = output.match(/^w-\d+$/gm) ?? [];

  const raw = new Database(file);
  expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
  raw.close();
  const store = openSqliteStore(file);
  const stored = await store.events({ article: "stream" }, { limit: 10_000 });
  const storedIds = new Set(stored.map((e) => e.id));
  for (const id of acknowledged) expect(storedIds.has(id), id).toBe(true);
  // Writes land in order, each whole: ids run from w-0 without a gap, and each event reads back complete.
  const numbers = stored.map((e) => Number(e.id.slice(2))).sort((x, y) => x - y);
  expect(numbers).toEqual(numbers.map((_, i) => i));
  for (const e of stored) {
    expect(e.sources[0]?.quote).toBe(`Write number ${e.id.slice(2)} happened.`);
    expect((await store.events({ id: e.id, bbox: [34, 32, 36, 34] })).length).toBe(1);
  }
  await store.close();
});
