import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../store";
import { MIGRATIONS } from "./migrations";

export type Db = Database.Database;

/**
 * Page cache per connection, in KiB (SQLite's negative form). The default 2 MB makes a large import
 * spill index pages to disk again and again (100,000 events took 70 s); 64 MB keeps them in memory
 * and is only taken as pages are used.
 */
const CACHE_KIB = 65_536;

/** How long a writer waits for another connection's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) a store file and brings its schema up to date.
 *
 * WAL lets readers go on while one writer commits. synchronous=FULL, not NORMAL: in WAL mode
 * NORMAL may lose the last commits on a power cut (never corrupting the file), and a write the
 * API acknowledged with 201 must survive; FULL costs one fsync per commit, which an import pays
 * once, as it is one transaction.
 */
export function openDatabase(path: string): Db {
  let db: Db;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreError("unavailable", `cannot open the SQLite store at ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma("temp_store = MEMORY");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError("unavailable", `cannot prepare the SQLite store at ${path}: ${(error as Error).message}`);
  }
  return db;
}

/** Applies the migrations this file has not had yet, each in its own transaction. */
function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new StoreError("unavailable", `the SQLite store has schema version ${newest}, newer than this build knows (${known}); update Briefmap`);
  }
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
