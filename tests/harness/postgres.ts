import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, chmodSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 binaries (package postgresql-15-postgis-3 brings them with PostGIS). */
export const PG_BIN = process.env.BRIEFMAP_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const POSTGIS_CONTROL = "/usr/share/postgresql/15/extension/postgis.control";

export type PostgresCluster = {
  /** postgres://… URL of a fresh database with postgis, pg_trgm, unaccent and btree_gist. */
  url: string;
  /** Another fresh database in the same cluster (e.g. one per test file or per scenario). */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop -m fast by the data dir, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * Why PostGIS tests cannot run here, or undefined when they can. Under CI a missing PostGIS is
 * not a reason to skip: `startPostgres` then fails loudly instead.
 */
export function postgresMissing(): string | undefined {
  if (process.env.CI) return undefined;
  if (!existsSync(path.join(PG_BIN, "initdb")) || !existsSync(POSTGIS_CONTROL)) {
    return `PostgreSQL 15 + PostGIS not installed (${PG_BIN}/initdb, ${POSTGIS_CONTROL}); apt-get install postgresql-15-postgis-3`;
  }
  return undefined;
}

/**
 * A private PostgreSQL cluster for one test run: initdb into a temp dir as the `postgres` user,
 * started on a free loopback port with its socket in the temp dir, stopped by its data dir.
 * Nothing outside the temp dir is touched, so parallel runs and a developer's own server coexist.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  if (!existsSync(path.join(PG_BIN, "initdb"))) {
    throw new Error(`PostgreSQL binaries not found in ${PG_BIN}: apt-get install postgresql-15-postgis-3`);
  }
  const root = mkdtempSync(path.join(tmpdir(), "briefmap-pg-"));
  // The postgres user must own the cluster and reach it through the temp dir.
  chmodSync(root, 0o777);
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  writeFileSync(logFile, "");
  chmodSync(logFile, 0o666);
  const port = await freePort();
  const asPostgres = asPostgresUser();

  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await run(...asPostgres(path.join(PG_BIN, "pg_ctl"), ["stop", "-D", dataDir, "-m", "fast", "-w"])).catch(() => undefined);
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test runner that exits without running its teardown still leaves no server behind.
  const onExit = () => {
    if (started) {
      try {
        execFileSync(...asPostgres(path.join(PG_BIN, "pg_ctl"), ["stop", "-D", dataDir, "-m", "immediate"]));
      } catch {
        // the server is gone already
      }
    }
  };
  process.once("exit", onExit);

  try {
    await run(...asPostgres(path.join(PG_BIN, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]));
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=100`;
    await run(...asPostgres(path.join(PG_BIN, "pg_ctl"), ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options]));
    started = true;
  } catch (error) {
    await stop();
    process.off("exit", onExit);
    throw new Error(`could not start a private PostgreSQL cluster: ${(error as Error).message}`);
  }

  const base = `postgres://postgres@127.0.0.1:${port}`;
  const sql = async (database: string, statements: string) => {
    const client = new pg.Client({ connectionString: `${base}/${database}` });
    await client.connect();
    try {
      await client.query(statements);
    } finally {
      await client.end();
    }
  };
  // Extensions once, in a template: each new database is then a file copy (tens of ms, not a second).
  const template = async () => {
    await sql("postgres", "CREATE DATABASE briefmap_template");
    await sql("briefmap_template", "CREATE EXTENSION postgis; CREATE EXTENSION unaccent; CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm;");
  };
  const createDatabase = async (name: string) => {
    await sql("postgres", `CREATE DATABASE "${name.replace(/"/g, "")}" TEMPLATE briefmap_template`);
    return `${base}/${name}`;
  };

  try {
    await template();
    const url = await createDatabase("briefmap");
    return {
      url,
      createDatabase,
      stop: async () => {
        process.off("exit", onExit);
        await stop();
      },
    };
  } catch (error) {
    process.off("exit", onExit);
    await stop();
    throw error;
  }
}

/** Runs a command as `postgres` when this process is root (initdb refuses root), else as is. */
function asPostgresUser(): (cmd: string, args: string[]) => [string, string[]] {
  const root = process.getuid?.() === 0;
  return (cmd, args) => (root ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
