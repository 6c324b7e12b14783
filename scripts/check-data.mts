// Validates the data folder the way the server does at start-up and lists every problem with its
// file, item and rule. Exit code 1 when anything is wrong.   npm run check-data [-- <data dir>]
import { join } from "node:path";
import { loadBriefData } from "../lib/data/load";
import { formatProblem } from "../lib/model/problem";

const dir = process.argv[2] ?? process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data");
const data = await loadBriefData(dir);
for (const p of data.problems) console.error(formatProblem(p));
console.log(
  `${dir}: ${data.layers.length} layer(s) valid, ${data.unavailable.length} unavailable; ` +
    `${data.articles.length} article(s), ${data.events.length} event(s); ${data.problems.length} problem(s)`,
);
process.exitCode = data.problems.length > 0 ? 1 : 0;
