import { isAbsolute, join, resolve } from "node:path";
import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite/sqlite-store";
import { StoreError, type Store } from "./store";

/** Where the embedded store lives when BRIEFMAP_DATABASE_URL is unset, under the working folder. */
export const DEFAULT_SQLITE_FILE = join(".briefmap", "briefmap.sqlite");

/**
 * Opens the store a database URL names: unset → the SQLite file `.briefmap/briefmap.sqlite`;
 * `file:PATH` → SQLite at PATH (relative to the working folder); `postgres://` or
 * `postgresql://` → PostgreSQL/PostGIS (with an optional read replica). Anything else is refused.
 * The CLIs use this directly; the app goes through `getStore()` (one per process).
 */
export async function openStore(url: string | undefined, opts: { readUrl?: string; cwd?: string } = {}): Promise<Store> {
  const cwd = opts.cwd ?? process.cwd();
  const value = url?.trim();
  if (!value) return sqlite(join(cwd, DEFAULT_SQLITE_FILE));
  if (value.startsWith("file:")) {
    const path = decodeURIComponent(value.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    if (!path) throw new StoreError("unavailable", 'BRIEFMAP_DATABASE_URL "file:" names no file; write file:PATH');
    return sqlite(isAbsolute(path) ? path : resolve(cwd, path));
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    return openPostgresStore(value, { readUrl: opts.readUrl });
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0] ?? value.slice(0, 20);
  throw new StoreError("unavailable", `BRIEFMAP_DATABASE_URL must start with file:, postgres:// or postgresql://, not "${scheme}"`);
}

// Static imports, not `await import()`: tsx (the CLIs) cannot resolve a relative dynamic import
// from a module it compiled as CommonJS, and both backends are small to load.
async function sqlite(path: string): Promise<Store> {
  return openSqliteStore(path);
}
