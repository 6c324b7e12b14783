// Runs a command with BRIEFMAP_DATABASE_URL pointing at a private PostgreSQL + PostGIS cluster,
// stopped afterwards whatever the command's outcome, e.g. the API tests on PostGIS:
//   npx tsx tests/harness/with-postgres.mts npx vitest run tests/e2e/api.test.ts
// Every server the command starts shares that one database (unlike the default, a SQLite file each).
import { spawn } from "node:child_process";
import { startPostgres } from "./postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: npx tsx tests/harness/with-postgres.mts COMMAND [ARGS...]");
  process.exit(2);
}

const cluster = await startPostgres();
let code = 1;
try {
  console.error(`[postgres] private cluster at ${cluster.url}`);
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, BRIEFMAP_DATABASE_URL: cluster.url } });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop).on("SIGTERM", stop);
  code = await new Promise<number>((resolve) => child.once("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
} finally {
  await cluster.stop();
}
process.exit(code);
