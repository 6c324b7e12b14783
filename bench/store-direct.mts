/**
 * `npm run bench:store:direct [-- --events=N]`: the store alone, without HTTP, on SQLite and on a
 * private PostGIS cluster side by side: import time of N seeded synthetic events (default 1,000,000)
 * in one transaction with the importer's RSS; cold open (a new process opening the store until its
 * first answer); and the latency of `events()` for a 1°×1° box and a three-month window (p50/p99
 * over 300 queries) with the reader's RSS. Prints a Markdown table; writes no file.
 * (`npm run bench:store` asks the same over HTTP, as clients do.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticEvents } from "../lib/data/synthetic";
import type { EventQuery } from "../lib/model/event-query";
import { eventBodyOf } from "../lib/store/from-files";
import { openPostgresStore } from "../lib/store/postgres";
import { openSqliteStore } from "../lib/store/sqlite/sqlite-store";
import type { DataSet, Store } from "../lib/store/store";
import { postgresMissing, startPostgres } from "../tests/harness/postgres";

const QUERIES = 300;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const open = (backend: string, where: string): Promise<Store> => (backend === "sqlite" ? Promise.resolve(openSqliteStore(where)) : openPostgresStore(where));

/** A seeded box in the Levant and a three-month window, so every run and backend asks the same questions. */
function queries(count: number): EventQuery[] {
  let seed = 42;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => {
    const w = 34.2 + next() * 7;
    const s = 29.5 + next() * 6.8;
    const month = Math.floor(next() * 17);
    const from = new Date(Date.UTC(2024, month, 1));
    const to = new Date(Date.UTC(2024, month + 3, 0));
    return { bbox: [w, s, w + 1, s + 1], from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) } as EventQuery;
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

type Reading = { firstAnswerMs: number; p50: number; p99: number; meanRows: number; rss: number };

/** In a fresh process: open the store, answer the first query, then the timed ones. */
async function read(backend: string, where: string): Promise<void> {
  const started = performance.now();
  const store = await open(backend, where);
  const all = queries(QUERIES + 1);
  await store.events(all[0]!, { limit: 10_000 });
  const firstAnswerMs = performance.now() - started;
  const times: number[] = [];
  let rows = 0;
  for (const q of all.slice(1)) {
    const t = performance.now();
    rows += (await store.events(q, { limit: 10_000 })).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const reading: Reading = { firstAnswerMs, p50: percentile(times, 50), p99: percentile(times, 99), meanRows: rows / QUERIES, rss: process.memoryUsage().rss };
  console.log(JSON.stringify(reading));
  await store.close();
}

async function measure(backend: string, where: string, data: DataSet): Promise<string[]> {
  const store = await open(backend, where);
  const t = performance.now();
  await store.importData(data, { actor: "bench", mode: "replace" });
  const importMs = performance.now() - t;
  const importRss = process.memoryUsage().rss;
  await store.close();
  const spawned = performance.now();
  const reader = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--reader", backend, where], { encoding: "utf8" });
  const coldMs = performance.now() - spawned;
  if (reader.status !== 0) throw new Error(`${backend} reader failed: ${reader.stderr}`);
  const r = JSON.parse(reader.stdout.trim().split("\n").at(-1)!) as Reading;
  return [
    `${(importMs / 1000).toFixed(1)} s`,
    mb(importRss),
    `${Math.round(coldMs)} ms (${Math.round(r.firstAnswerMs)} ms in the process)`,
    `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms (${Math.round(r.meanRows)} events per answer)`,
    mb(r.rss),
  ];
}

if (process.argv[2] === "--reader") {
  await read(process.argv[3]!, process.argv[4]!);
} else {
  const count = Number(arg("events") ?? 1_000_000);
  const { article, events } = syntheticEvents(count, 1);
  const { textFile: _t, eventsFile: _e, ...input } = article;
  const data: DataSet = { layers: [], articles: [input], events: events.map(eventBodyOf) };
  events.length = 0;
  const columns: [string, string[]][] = [];
  const dir = mkdtempSync(join(tmpdir(), "briefmap-bench-store-"));
  try {
    columns.push(["SQLite", await measure("sqlite", join(dir, "bench.sqlite"), data)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = postgresMissing();
  if (missing) console.warn(`PostGIS skipped: ${missing}`);
  else {
    const cluster = await startPostgres();
    try {
      columns.push(["PostGIS (private cluster)", await measure("postgres", cluster.url, data)]);
    } finally {
      await cluster.stop();
    }
  }
  const figures = ["import, one transaction", "importer RSS after import", "cold open: new process to first answer", "events(), 1°×1° box + 3 months: p50 / p99", `reader RSS after ${QUERIES} queries (a database server's own memory not counted)`];
  const goals = ["≤ 60 s", "", "≤ 2 s", "≤ 15 / ≤ 50 ms", "≤ 300 MB"];
  console.log(`\n### The store alone, ${count.toLocaleString("en")} synthetic events (seed 1)\n`);
  console.log(`| figure | ${columns.map(([name]) => name).join(" | ")} | goal on SQLite (issue 11, at 1M) |`);
  console.log(`|---|${columns.map(() => "---|").join("")}---|`);
  figures.forEach((figure, i) => console.log(`| ${figure} | ${columns.map(([, values]) => values[i]).join(" | ")} | ${goals[i]} |`));
}
