import { StoreError } from "../store";
import { inTransaction, type Pools } from "./connection";
import { MIGRATIONS } from "./migrations";

/**
 * Any constant shared by every Briefmap process: several app instances starting at once on an empty
 * database take turns, and only the first applies the migrations.
 */
const MIGRATION_LOCK = 0x62726d70; // "brmp"

/** Brings the schema up to date in one transaction, holding a transaction-scoped advisory lock. */
export async function migrate(pools: Pools): Promise<void> {
  await inTransaction(pools, async (db) => {
    // A migration may build an index over many rows, and the instances waiting for the lock wait
    // as long: more than a request may take, still not forever.
    await db.query("SET LOCAL statement_timeout = '10min'");
    await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await db.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const { rows } = await db.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...MIGRATIONS.map((m) => m.version));
    if (newest > known) {
      throw new StoreError("unavailable", `the PostgreSQL store has schema version ${newest}, newer than this build knows (${known}); update Briefmap`);
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await db.query(m.sql);
      await db.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
    }
  });
}
