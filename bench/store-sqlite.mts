/**
 * `npm run bench:store [-- --events=N]`: the embedded SQLite store at scale (issue 11), on its own:
 * import time of N seeded synthetic events (default 1,000,000) in one transaction with the importer's
 * peak RSS; cold open (a new process opening the file until its first answer); and the latency of
 * `events()` for a 1°×1° box and a three-month window (p50/p99 over 300 queries) with the reader's RSS.
 * Prints a Markdown table; nothing is written to BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticEvents } from "../lib/data/synthetic";
import type { EventQuery } from "../lib/model/event-query";
import { eventBodyOf } from "../lib/store/from-files";
import { openSqliteStore } from "../lib/store/sqlite/sqlite-store";

const QUERIES = 300;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

/** A seeded box in the Levant and a three-month window, so every run asks the same questions. */
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

if (process.argv[2] === "--reader") {
  // A fresh process: open the file, answer the first query, then the timed ones.
  const started = performance.now();
  const store = openSqliteStore(process.argv[3]!);
  const all = queries(QUERIES + 1);
  const first = await store.events(all[0]!, { limit: 10_000 });
  const firstAnswerMs = performance.now() - started;
  const times: number[] = [];
  let rows = 0;
  for (const q of all.slice(1)) {
    const t = performance.now();
    rows += (await store.events(q, { limit: 10_000 })).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ firstAnswerMs, firstRows: first.length, p50: percentile(times, 50), p99: percentile(times, 99), meanRows: rows / QUERIES, rss: process.memoryUsage().rss }));
  await store.close();
} else {
  const count = Number(arg("events") ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), "briefmap-bench-store-"));
  const file = join(dir, "bench.sqlite");
  try {
    const { article, events } = syntheticEvents(count, 1);
    const { textFile: _t, eventsFile: _e, ...input } = article;
    const bodies = events.map(eventBodyOf);
    events.length = 0;
    const store = openSqliteStore(file);
    const t = performance.now();
    await store.importData({ layers: [], articles: [input], events: bodies }, { actor: "bench", mode: "replace" });
    const importMs = performance.now() - t;
    const importRss = process.memoryUsage().rss;
    await store.close();

    const spawned = performance.now();
    const reader = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--reader", file], { encoding: "utf8" });
    const coldMs = performance.now() - spawned;
    if (reader.status !== 0) throw new Error(`reader failed: ${reader.stderr}`);
    const r = JSON.parse(reader.stdout.trim().split("\n").at(-1)!) as { firstAnswerMs: number; p50: number; p99: number; meanRows: number; rss: number };

    console.log(`\n### SQLite store, ${count.toLocaleString("en")} synthetic events (seed 1)\n`);
    console.log("| figure | value | goal (issue 11, at 1M) |\n|---|---|---|");
    console.log(`| import, one transaction | ${(importMs / 1000).toFixed(1)} s | ≤ 60 s |`);
    console.log(`| importer RSS after import | ${mb(importRss)} | (the server imports only on first start) |`);
    console.log(`| cold open: new process to first answer | ${Math.round(coldMs)} ms (${Math.round(r.firstAnswerMs)} ms inside the process) | ≤ 2 s |`);
    console.log(`| events(), 1°×1° box + 3 months: p50 / p99 | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms (${Math.round(r.meanRows)} events per answer) | ≤ 15 / ≤ 50 ms |`);
    console.log(`| reader RSS after ${QUERIES} queries | ${mb(r.rss)} | ≤ 300 MB |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
