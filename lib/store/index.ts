import "server-only";
import { dataDir } from "@/lib/data";
import { importOnFirstStart } from "./first-start";
import { openStore } from "./open";
import type { Store } from "./store";

/**
 * Next bundles pages and API routes apart, each with its own copy of this module: the store is
 * kept on the process, so that one process opens one store (one pool, one first-start import).
 */
const KEY = Symbol.for("briefmap.store");
type WithStore = typeof globalThis & { [KEY]?: Promise<Store> };
const holder = globalThis as WithStore;

/**
 * The process's one store, opened on first use from BRIEFMAP_DATABASE_URL (unset: the embedded
 * SQLite file `.briefmap/briefmap.sqlite`) and, when empty, filled from the data folder. A failed
 * open is not kept, so the next request tries again once the database is back.
 */
export function getStore(): Promise<Store> {
  holder[KEY] ??= (async () => {
    const opened = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
    try {
      await importOnFirstStart(opened, dataDir());
    } catch (error) {
      await opened.close();
      throw error;
    }
    return opened;
  })().catch((error: unknown) => {
    holder[KEY] = undefined;
    throw error;
  });
  return holder[KEY];
}

export * from "./store";
