import "server-only";
import { StoreError } from "@/lib/store/store";
import { STORE_UNAVAILABLE } from "./store-unavailable";

/**
 * Runs a page's reads; a store that cannot be reached (missing, locked, timed out) becomes an error
 * the error page recognises by its digest and explains, with no stack trace.
 */
export async function readingStore<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreError && (error.code === "unavailable" || error.code === "timeout")) {
      console.error("[briefmap page] data store:", error.message);
      throw Object.assign(new Error("The data store is unavailable."), { digest: STORE_UNAVAILABLE });
    }
    throw error;
  }
}
