/**
 * `npx tsx bench/store-postgres.mts [--events=N]`: the PostGIS store at scale, on its own, asking the
 * questions bench/store-sqlite.mts asks, so the two tables sit side by side: import time of N seeded
 * synthetic events (default 1,000,000) in one transaction, a new process's first answer, and the
 * latency of `events()` for a 1°×1° box and a three-month window (p50/p99 over 300 queries). The
 * database is a private cluster (tests/harness/postgres.ts) on this machine, stopped afterwards.
 * Prints a Markdown table; nothing is written to BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { syntheticEvents } from "../lib/data/synthetic";
import type { EventQuery } from "../lib/model/event-query";
import { eventBodyOf } from "../lib/store/from-files";
import { openPostgresStore } from "../lib/store/postgres";
import { startPostgres } from "../tests/harness/postgres";

const QUERIES = 300;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

/** The seeded boxes and windows of bench/store-sqlite.mts (same generator, same seed). */
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
  // A fresh process: open the store, answer the first query, then the timed ones.
  const started = performance.now();
  const store = await openPostgresStore(process.argv[3]!);
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
  const cluster = await startPostgres();
  try {
    const { article, events } = syntheticEvents(count, 1);
    const { textFile: _t, eventsFile: _e, ...input } = article;
    const bodies = events.map(eventBodyOf);
    events.length = 0;
    const store = await openPostgresStore(cluster.url);
    const t = performance.now();
    await store.importData({ layers: [], articles: [input], events: bodies }, { actor: "bench", mode: "replace" });
    const importMs = performance.now() - t;
    const importRss = process.memoryUsage().rss;
    await store.close();

    const spawned = performance.now();
    const reader = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--reader", cluster.url], { encoding: "utf8" });
    const coldMs = performance.now() - spawned;
    if (reader.status !== 0) throw new Error(`reader failed: ${reader.stderr}`);
    const r = JSON.parse(reader.stdout.trim().split("\n").at(-1)!) as { firstAnswerMs: number; p50: number; p99: number; meanRows: number; rss: number };

    console.log(`\n### PostGIS store, ${count.toLocaleString("en")} synthetic events (seed 1), private cluster on this machine\n`);
    console.log("| figure | value |\n|---|---|");
    console.log(`| import, one transaction | ${(importMs / 1000).toFixed(1)} s |`);
    console.log(`| importer RSS after import | ${mb(importRss)} |`);
    console.log(`| cold open: new process to first answer | ${Math.round(coldMs)} ms (${Math.round(r.firstAnswerMs)} ms inside the process) |`);
    console.log(`| events(), 1°×1° box + 3 months: p50 / p99 | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms (${Math.round(r.meanRows)} events per answer) |`);
    console.log(`| reader RSS after ${QUERIES} queries (the database's own memory not counted) | ${mb(r.rss)} |`);
  } finally {
    await cluster.stop();
  }
}
