import pg from "pg";
import { StoreError } from "../store";

/** What a query runs on: a pool (one statement) or a client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, "query">;

export type Pools = {
  /** Writes, read-after-write and the revision counter. */
  primary: pg.Pool;
  /** Reads; the primary itself when no replica is configured. */
  read: pg.Pool;
  end(): Promise<void>;
};

/**
 * No query may run forever: a stuck or huge one is cancelled by the server and reported as a
 * timeout. The default is the API's request budget (lib/api/time-budget.ts), so a query whose
 * request was answered 503 does not go on running in the database.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
/** An unreachable database answers "unavailable" after this, not after the OS's TCP timeout. */
const CONNECT_TIMEOUT_MS = 5_000;

export function openPools(url: string, readUrl: string | undefined, statementTimeoutMs: number): Pools {
  const pool = (connectionString: string) => {
    const p = new pg.Pool({
      connectionString,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: statementTimeoutMs,
      application_name: "briefmap",
    });
    // An idle connection dropped by a server restart must not crash the app; the next query reconnects.
    p.on("error", () => undefined);
    return p;
  };
  const primary = pool(url);
  const read = readUrl && readUrl !== url ? pool(readUrl) : primary;
  return {
    primary,
    read,
    end: async () => {
      await primary.end();
      if (read !== primary) await read.end();
    },
  };
}

/**
 * Runs `work` in one transaction on the primary: committed whole or rolled back whole. Errors come
 * out as StoreErrors where the database says why (unreachable, timeout, duplicate key).
 */
export async function inTransaction<T>(pools: Pools, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connect(pools.primary);
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true; // the connection itself failed: do not hand it to the next caller
    }
    throw storeError(error);
  } finally {
    client.release(broken);
  }
}

export async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    // Whatever stops a connection (a malformed URL included) means the database cannot be used.
    const mapped = storeError(error);
    throw mapped instanceof StoreError ? mapped : new StoreError("unavailable", `cannot connect to the PostgreSQL database: ${(error as Error).name}`);
  }
}

/** One statement on a pool, with the database's errors as StoreErrors. */
export async function run<R extends pg.QueryResultRow>(on: Queryable, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  if (on instanceof pg.Pool) {
    const client = await connect(on);
    let broken = false;
    try {
      return await client.query<R>(sql, params);
    } catch (error) {
      broken = isConnectionError(error);
      throw storeError(error);
    } finally {
      client.release(broken);
    }
  }
  try {
    return await on.query<R>(sql, params);
  } catch (error) {
    throw storeError(error);
  }
}

const isConnectionError = (error: unknown) => storeError(error) instanceof StoreError && (storeError(error) as StoreError).code === "unavailable";

/**
 * The database's failures in the store's words. The message says what happened without the SQL
 * or the connection string (which may hold a password).
 */
export function storeError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? "";
  const message = e?.message ?? String(error);
  if (code === "57014" || /Query read timeout/.test(message)) {
    return new StoreError("timeout", "the database took too long to answer and the query was cancelled");
  }
  if (code === "23505") return new StoreError("duplicate", "a record with this id already exists");
  if (code === "40001" || code === "40P01") return new StoreError("conflict", "a concurrent write touched the same records; try again");
  if (
    code.startsWith("08") || // connection exceptions
    code === "57P01" || code === "57P02" || code === "57P03" || // shutdown, crash, cannot connect now
    code === "53300" || code === "53100" || code === "3D000" || code === "28P01" || code === "28000" ||
    ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE", "EAI_AGAIN"].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/.test(message)
  ) {
    return new StoreError("unavailable", `the PostgreSQL database cannot be reached or used (${code || "connection failed"})`);
  }
  return error;
}
