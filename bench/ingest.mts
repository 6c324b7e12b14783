/**
 * `npm run bench:ingest` (also part of `npm run bench`, alone with `--only=ingest`): the article
 * pipeline's costs (issue 12): the gazetteer's load time and memory in a fresh process, and the
 * seed article's extraction time once it is loaded. Goals: load <= 1.5 s and <= 150 MB; extraction
 * of the seed < 1 s. Writes BENCHMARKS-INGEST.md. Run with --expose-gc for exact heap figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { loadBriefData } from "../lib/data/load";
import { gazetteerFile, loadGazetteer } from "../lib/ingest/gazetteer";
import { extractArticle } from "../lib/ingest/pipeline";
import { layerPlaces } from "../lib/ingest/places-index";

const ROOT = join(import.meta.dirname, "..");
const SEED = "syria-israel-paris-talks-2025-08-20";
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 20);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

gc?.();
const before = process.memoryUsage();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const gazetteer = loadGazetteer(gazetteerFile());
const loadMs = performance.now() - t0;
// CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
const cpu = process.cpuUsage(cpu0);
const loadCpuMs = (cpu.user + cpu.system) / 1000;
gc?.();
const after = process.memoryUsage();
const heapMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
const rssMb = (after.rss - before.rss) / 1e6;

const data = await loadBriefData(join(ROOT, "data"));
const layers = layerPlaces(data.layers.map((l) => ({ id: l.manifest.id, labelProperty: l.manifest.labelProperty, aliases: l.manifest.aliases, data: l.data })));
const text = readFileSync(join(ROOT, "data/articles", `${SEED}.txt`), "utf8");
const times: number[] = [];
let drafts = 0;
for (let i = 0; i < RUNS + 1; i++) {
  const t = performance.now();
  drafts = extractArticle({ id: SEED, text, published: "2025-08-20" }, { layers, gazetteer }).drafts.length;
  // The first run also builds the country index (once per process): reported apart.
  times.push(performance.now() - t);
}
const [first, ...rest] = times;

const lines = [
  "# Ingestion benchmarks",
  "",
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? "?"} (load ${loadavg().map((l) => l.toFixed(1)).join(" ")}), Node ${process.version}; \`npm run bench:ingest\`.`,
  "",
  "| figure | measured | goal |",
  "|---|---|---|",
  `| gazetteer load (cities500, ${gazetteer.size.toLocaleString("en")} places), one fresh process | ${(loadMs / 1000).toFixed(2)} s | <= 1.5 s |`,
  `| gazetteer load, CPU time of this process (user + system, all threads) | ${(loadCpuMs / 1000).toFixed(2)} s | |`,
  `| gazetteer memory (heap + typed arrays after GC${gc ? "" : "; no --expose-gc, so approximate"}) | ${heapMb.toFixed(0)} MB | <= 150 MB |`,
  `| process RSS growth over the load | ${rssMb.toFixed(0)} MB | |`,
  `| seed article extraction, first call (builds the country index) | ${first?.toFixed(0)} ms | |`,
  `| seed article extraction, median of ${RUNS} | ${median(rest).toFixed(0)} ms (${drafts} drafts) | < 1 s |`,
  "",
  "The load reads the 32 MB GeoNames file once, keeps coordinates, populations and countries in typed arrays and one map",
  "from folded name to places, and indexes only Latin, Arabic and Hebrew alternate names (other scripts hold most of the",
  "file's names and an English article does not use them). The web server loads it on the first `POST /api/ingest`.",
  "",
];
writeFileSync(join(ROOT, "BENCHMARKS-INGEST.md"), lines.join("\n"));
console.log(lines.join("\n"));
console.log(`(heap ${mb(after.heapUsed)} MB, rss ${mb(after.rss)} MB in all)`);
