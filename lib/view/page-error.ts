import "server-only";
import { StoreError } from "@/lib/store/store";
import { STORE_UNAVAILABLE } from "./store-unavailable";

/**
 * Runs a page's reads. A store that cannot be reached (missing, locked, timed out) fails with its
 * StoreError marked with a digest the error page recognises (Next keeps a digest set on a thrown
 * error): the page then says the data store is unavailable, with no stack trace, and a route that
 * shares the reads still answers 503 (lib/api/responses.ts).
 */
export async function readingStore<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreError && (error.code === "unavailable" || error.code === "timeout")) {
      console.error("[briefmap page] data store:", error.message);
      throw Object.assign(error, { digest: STORE_UNAVAILABLE });
    }
    throw error;
  }
}
