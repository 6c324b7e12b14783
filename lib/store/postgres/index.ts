import { StoreError, type Store } from "../store";

/** PostgreSQL/PostGIS backend: a placeholder until its implementation lands. */
export async function openPostgresStore(url: string, opts: { readUrl?: string }): Promise<Store> {
  void url;
  void opts;
  throw new StoreError("unavailable", "the PostgreSQL store is not part of this build yet; unset BRIEFMAP_DATABASE_URL to use the embedded SQLite store");
}
