import { afterAll, beforeAll, describe } from "vitest";
import { postgresMissing, startPostgres, type PostgresCluster } from "../harness/postgres";
import { defineApiSuite } from "./api-suite";
import { startNextServer, type NextServer } from "./harness/next-server";

/* The same API contract on the PostGIS backend: a server of the run's build on a private cluster. */

const DIST_DIR = process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test";
const missing = postgresMissing();
if (missing) console.warn(`API tests on PostGIS skipped: ${missing}`);

describe.skipIf(missing !== undefined)("the HTTP API on PostGIS", () => {
  let cluster: PostgresCluster | undefined;
  let server: NextServer | undefined;

  beforeAll(async () => {
    cluster = await startPostgres();
    server = await startNextServer({ distDir: DIST_DIR, env: { BRIEFMAP_DATABASE_URL: cluster.url }, readyTimeoutMs: 120_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.stop();
  });

  defineApiSuite(() => {
    if (!server) throw new Error("the PostGIS-backed server did not start");
    return server.url;
  });
});
