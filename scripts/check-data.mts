// Validates the data folder the way the server does at start-up and lists every problem with its
// file, item and rule. Notes (repairs such as rewound rings) are listed too but do not fail the
// check. Exit code 1 when anything is wrong.   npm run check-data [-- <data dir>]
import { join } from "node:path";
import { loadBriefData } from "../lib/data/load";
import { formatProblem, isNote } from "../lib/model/problem";

const dir = process.argv[2] ?? process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data");
const data = await loadBriefData(dir);
for (const p of data.problems) console.error(formatProblem(p));
const notes = data.problems.filter(isNote).length;
const problems = data.problems.length - notes;
console.log(
  `${dir}: ${data.layers.length} layer(s) valid, ${data.unavailable.length} unavailable; ` +
    `${data.articles.length} article(s), ${data.events.length} event(s); ${problems} problem(s), ${notes} note(s)`,
);
process.exitCode = problems > 0 ? 1 : 0;
