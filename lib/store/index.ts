import "server-only";
import { dataDir } from "@/lib/data";
import { importOnFirstStart } from "./first-start";
import { openStore } from "./open";
import type { Store } from "./store";

let store: Promise<Store> | undefined;

/**
 * The process's one store, opened on first use from BRIEFMAP_DATABASE_URL (unset: the embedded
 * SQLite file `.briefmap/briefmap.sqlite`) and, when empty, filled from the data folder. A failed
 * open is not kept, so the next request tries again once the database is back.
 */
export function getStore(): Promise<Store> {
  store ??= (async () => {
    const opened = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
    try {
      await importOnFirstStart(opened, dataDir());
    } catch (error) {
      await opened.close();
      throw error;
    }
    return opened;
  })().catch((error: unknown) => {
    store = undefined;
    throw error;
  });
  return store;
}

export * from "./store";
