import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { MIGRATIONS } from "@/lib/store/sqlite/migrations";
import { StoreError } from "@/lib/store/store";

const work = mkdtempSync(join(tmpdir(), "briefmap-migrations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("brings an older store file up to date, in order, and records each migration", async () => {
  const file = join(work, "old.sqlite");
  // A file as the first release left it: migration 1 only.
  const raw = new Database(file);
  raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  raw.exec(MIGRATIONS[0]!.sql);
  raw.prepare("INSERT INTO schema_migrations VALUES (1, 'initial', '2026-01-01T00:00:00Z')").run();
  raw.prepare("INSERT INTO event_text (rowid, text) VALUES (7, 'talks on the golan heights')").run();
  raw.close();
  const store = openSqliteStore(file);
  expect(await store.isEmpty()).toBe(true);
  await store.close();
  const check = new Database(file, { readonly: true });
  expect(check.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
  // The text index was rebuilt (migration 3) with what it held.
  expect(check.prepare("SELECT rowid FROM event_text WHERE event_text MATCH ?").pluck().all('"gol" AND "hei"')).toEqual([7]);
  check.close();
});

it("refuses a file written by a newer Briefmap, saying so", () => {
  const file = join(work, "newer.sqlite");
  openSqliteStore(file).close();
  const raw = new Database(file);
  raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')").run();
  raw.close();
  let error: unknown;
  try {
    openSqliteStore(file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe("unavailable");
  expect((error as StoreError).message).toContain("newer");
});

it("answers a path it cannot create as unavailable, not with a stack trace", () => {
  const notAFolder = join(work, "plain-file");
  writeFileSync(notAFolder, "");
  let error: unknown;
  try {
    openSqliteStore(join(notAFolder, "sub", "store.sqlite"));
  } catch (e) {
    error = e;
  }
  expect((error as StoreError).code).toBe("unavailable");
});
