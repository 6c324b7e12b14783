import { afterAll, beforeAll, describe } from "vitest";
import { openPostgresStore } from "@/lib/store/postgres";
import { postgresMissing, startPostgres, type PostgresCluster } from "../harness/postgres";
import { defineStoreContract } from "./contract";

/** The backend-neutral contract suite on a private PostGIS cluster: a fresh database for every test. */
const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL contract suite skipped: ${missing}`);

describe.skipIf(missing !== undefined)("PostgreSQL + PostGIS", () => {
  let cluster: PostgresCluster;
  let n = 0;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  defineStoreContract("PostgreSQL + PostGIS", async () => openPostgresStore(await cluster.createDatabase(`contract_${++n}`)));
});
