// Reads an article and drafts its events.   npm run ingest -- --text FILE --published YYYY-MM-DD
//   [--publisher P] [--title T] [--url U] [--language L] [--dry-run] [--json]
// --dry-run writes nothing; with --json it prints { mentions: { places, dates }, drafts } (issue 12's shape).
// Without --dry-run the article and its drafts are saved in one transaction, the drafts unreviewed:
// hidden from the map until an analyst reviews them at /articles/<id>/review (queue: /articles/review).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isArticleInputError } from "../lib/ingest/input";
import { dryRunJson } from "../lib/ingest/pipeline";
import { prepareArticle, storePlaces } from "../lib/ingest/prepare";
import { formatProblem } from "../lib/model/problem";
import { join } from "node:path";
import { importOnFirstStart } from "../lib/store/first-start";
import { openStore } from "../lib/store/open";
import { StoreError } from "../lib/store/store";

const USAGE = "usage: npm run ingest -- --text FILE --published YYYY-MM-DD [--publisher P] [--title T] [--url U] [--language L] [--dry-run] [--json]";

let options: { text?: string; published?: string; publisher?: string; title?: string; url?: string; language?: string; "dry-run"?: boolean; json?: boolean };
try {
  options = parseArgs({
    options: {
      text: { type: "string" },
      published: { type: "string" },
      publisher: { type: "string" },
      title: { type: "string" },
      url: { type: "string" },
      language: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!options.text || !options.published) {
  console.error(`--text and --published are required\n${USAGE}`);
  process.exit(2);
}

let text: string;
try {
  const bytes = readFileSync(options.text);
  text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
} catch (error) {
  console.error(`--text ${options.text}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  process.exit(1);
}

const store = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
try {
  // The same first start as the app's: an empty store is filled from the data folder, so its layers name places.
  await importOnFirstStart(store, process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data"));
  const layers = await storePlaces(store);
  const prepared = prepareArticle({ text, published: options.published, publisher: options.publisher, title: options.title, url: options.url, language: options.language }, layers);
  const { article, extraction } = prepared;
  for (const notice of extraction.notices) console.error(notice);
  if (options["dry-run"]) {
    if (options.json) console.log(JSON.stringify(dryRunJson(extraction), null, 2));
    else printSummary();
  } else {
    if (await store.article(article.id)) {
      console.error(`article "${article.id}" already exists; nothing was saved (give another --title, or review it at /articles/${article.id}/review)`);
      process.exitCode = 1;
    } else {
      // One transaction: the article and all its drafts, or nothing.
      await store.importData({ layers: [], articles: [article], events: extraction.drafts }, { actor: `ingest ${process.env.USER ?? "cli"}`, mode: "merge" });
      if (options.json) console.log(JSON.stringify({ article: article.id, drafts: extraction.drafts.map((d) => d.id), review: `/articles/${article.id}/review` }, null, 2));
      else {
        printSummary();
        console.log(`saved article "${article.id}" with ${extraction.drafts.length} unreviewed draft(s); review them at /articles/${article.id}/review`);
      }
    }
  }

  function printSummary() {
    const places = extraction.places.filter((p) => !p.adjective);
    console.log(`${article.title} (${article.published})`);
    console.log(`places: ${places.length} (${places.filter((p) => !p.resolved).length} unresolved), dates: ${extraction.dates.length}, drafts: ${extraction.drafts.length}`);
    for (const d of extraction.drafts) console.log(`  ${d.type.padEnd(20)} ${d.time.start}${d.time.end !== d.time.start ? `..${d.time.end}` : ""}  ${d.title}  (confidence ${d.review.confidence})`);
    for (const p of places.filter((p) => !p.resolved)) console.log(`  unresolved place: "${p.text}" at ${p.start}`);
  }
} catch (error) {
  if (isArticleInputError(error)) {
    console.error(`--${error.field}: ${error.message}; nothing was saved`);
    process.exitCode = 1;
  } else if (error instanceof StoreError) {
    for (const p of error.problems) console.error(formatProblem(p));
    console.error(`${error.message}; nothing was saved`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await store.close();
}
