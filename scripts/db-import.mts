// Imports a data folder into the store BRIEFMAP_DATABASE_URL names (unset: .briefmap/briefmap.sqlite),
// with the same validation as `npm run check-data`. Every problem is listed; on any, nothing is
// written and the exit code is 1.   npm run db:import -- DIR [--replace]
import { loadBriefData } from "../lib/data/load";
import { formatProblem } from "../lib/model/problem";
import { dataSetOf } from "../lib/store/from-files";
import { openStore } from "../lib/store/open";
import { StoreError } from "../lib/store/store";

const args = process.argv.slice(2);
const replace = args.includes("--replace");
const dirs = args.filter((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--replace");
if (dirs.length !== 1 || unknown.length > 0) {
  console.error(`usage: npm run db:import -- DIR [--replace]${unknown.length ? ` (unknown option ${unknown.join(", ")})` : ""}`);
  process.exit(2);
}
const dir = dirs[0]!;

const data = await loadBriefData(dir);
for (const p of data.problems) console.error(formatProblem(p));
if (data.problems.length > 0) {
  console.error(`${dir}: ${data.problems.length} problem(s); nothing was imported`);
  process.exit(1);
}

const store = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
try {
  const summary = await store.importData(dataSetOf(data), { actor: `db:import ${process.env.USER ?? "cli"}`, mode: replace ? "replace" : "merge" });
  console.log(`${dir}: imported ${summary.layers} layer(s), ${summary.articles} article(s), ${summary.events} event(s) (${replace ? "replacing the store's contents" : "merged by id"})`);
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  for (const p of error.problems) console.error(formatProblem(p));
  console.error(`${dir}: ${error.message}; nothing was imported`);
  process.exitCode = 1;
} finally {
  await store.close();
}
