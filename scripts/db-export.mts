// Writes the store back out in the data/ form (geo/<id>.layer.json + .geojson, articles/<id>.article.json,
// .txt and .events.json), so that the files stay the reviewable, diffable record. Events are streamed
// article by article, never all held in memory.   npm run db:export -- DIR
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { eventBodyOf } from "../lib/store/from-files";
import { openStore } from "../lib/store/open";

const dirs = process.argv.slice(2);
if (dirs.length !== 1 || dirs[0]!.startsWith("--")) {
  console.error("usage: npm run db:export -- DIR");
  process.exit(2);
}
const dir = dirs[0]!;
await mkdir(join(dir, "geo"), { recursive: true });
await mkdir(join(dir, "articles"), { recursive: true });

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const store = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
try {
  const { layers, unavailable } = await store.layers();
  for (const summary of layers) {
    const layer = (await store.layer(summary.id))!;
    const { id, title, description, ...rest } = layer.manifest;
    const file = `${id}.geojson`;
    await writeFile(join(dir, "geo", `${id}.layer.json`), json({ id, title, description, ...rest, file }));
    await writeFile(join(dir, "geo", file), JSON.stringify(layer.data));
  }
  let eventCount = 0;
  const articles = await store.articles();
  for (const summary of articles) {
    const article = (await store.article(summary.id))!.value;
    const { text, ...meta } = article;
    const textFile = `${article.id}.txt`;
    const eventsFile = `${article.id}.events.json`;
    await writeFile(join(dir, "articles", `${article.id}.article.json`), json({ ...meta, textFile, eventsFile }));
    await writeFile(join(dir, "articles", textFile), text);
    const out = createWriteStream(join(dir, "articles", eventsFile));
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, "drain");
    };
    await write('{\n  "events": [');
    let first = true;
    for await (const event of store.eachEvent({ article: article.id })) {
      const body = JSON.stringify(eventBodyOf(event), null, 2).replace(/\n/g, "\n    ");
      await write(`${first ? "" : ","}\n    ${body}`);
      first = false;
      eventCount++;
    }
    await write(`${first ? "" : "\n  "}]\n}\n`);
    out.end();
    await once(out, "finish");
  }
  console.log(`${dir}: exported ${layers.length} layer(s), ${articles.length} article(s), ${eventCount} event(s)`);
  if (unavailable.length) console.warn(`not exported (unavailable in the store): ${unavailable.map((u) => u.id).join(", ")}`);
} finally {
  await store.close();
}
