/**
 * `npm run bench -- --only=tiles`, or `npx tsx bench/tiles.mts [--events=1000000] [--runs=3]
 * [--pan-seconds=4] [--heap-seconds=60] [--load-seconds=10] [--no-postgres] [--dist=.next-bench]`:
 * issue 15's figures, side by side in one run. A large set drawn from vector tiles, on SQLite and on
 * PostGIS, against the round-1 floor page at 100,000 events (bare MapLibre, one clustered GeoJSON):
 * a link's open to map idle, pan frame time p95, bytes of the first view, JS heap after panning,
 * and tile latency (the tiles of a pan, uncached once each, then cached under autocannon).
 * Writes BENCHMARKS-TILES.md. The SQLite file of N events is prepared once and reused
 * (.tmp/bench/tiles-N.sqlite); PostGIS is imported afresh each run (a private cluster).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../tests/e2e/harness/browser";
import { startNextServer, type NextServer } from "../tests/e2e/harness/next-server";
import { postgresMissing, startPostgres, type PostgresCluster } from "../tests/harness/postgres";
import { mapBox, openMap, panFrameTimes } from "./page-map.mjs";
import { writeScenarios } from "./scenario.mjs";
import { ROOT, startStatic } from "./servers.mjs";
import { percentile } from "./stats.mjs";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const EVENTS = Number(arg("events") ?? 1_000_000);
const RUNS = Number(arg("runs") ?? 3);
const PAN_SECONDS = Number(arg("pan-seconds") ?? 4);
const HEAP_SECONDS = Number(arg("heap-seconds") ?? 60);
const LOAD_SECONDS = Number(arg("load-seconds") ?? 10);
const FLOOR_COUNT = 100_000;
const DIST = arg("dist") ?? (existsSync(join(ROOT, ".next-bench/BUILD_ID")) ? ".next-bench" : ".next-test");
const TMP = join(ROOT, ".tmp/bench");
const SEED = 1;
const GOALS = { openRatio: 1.1, panRatio: 1.1, tileP99: 50, firstViewKB: 500, heapMB: 150 };
/**
 * The reader shows the real article: by default it shows the newest, the synthetic one, and the
 * first HTML would carry its N sentences whole (49 MB at 100,000), which is the reader's matter.
 */
const READ = "article=syria-israel-paris-talks-2025-08-20";
const log = (message: string) => console.log(`[bench tiles ${new Date().toISOString().slice(11, 19)}] ${message}`);

type Side = { name: string; open: number[]; pan: number[]; firstViewBytes: number; heapMB: number; tiles?: TileFigures; failures: string[] };
type TileFigures = { urls: number; coldP50: number; coldP99: number; p50: number; p99: number; rps: number };

async function heapMB(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  return usedSize / 2 ** 20;
}

/** Opens `url` RUNS times (open time, first-view bytes, pan p95), then pans HEAP_SECONDS and reads the heap. */
async function measurePage(browser: Browser, name: string, url: string, tileUrls?: Set<string>): Promise<Side> {
  const side: Side = { name, open: [], pan: [], firstViewBytes: 0, heapMB: 0, failures: [] };
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const { page, idleAt, transfers } = await openMap(context, url, { timeoutMs: 180_000 });
      if (tileUrls) page.on("request", (r) => void (r.url().includes("/api/events/tiles/") && tileUrls.add(new URL(r.url()).pathname + new URL(r.url()).search)));
      const frames = await panFrameTimes(page, run < RUNS ? PAN_SECONDS * 1000 : HEAP_SECONDS * 1000);
      if (run < RUNS) {
        side.open.push(idleAt);
        side.pan.push(percentile(frames, 95));
        side.firstViewBytes = transfers.reduce((n, t) => n + t.bytes, 0);
      } else {
        side.heapMB = await heapMB(page, context);
      }
    } catch (error) {
      side.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
    } finally {
      await context.close();
    }
  }
  return side;
}

/** Each tile of the pan once with a filter no cache has seen (work done), then all of them cycled under autocannon (10 connections). */
async function measureTiles(base: string, paths: string[]): Promise<TileFigures> {
  const cold: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${path}${path.includes("?") ? "&" : "?"}from=2000-01-01`);
    await response.arrayBuffer();
    cold.push(performance.now() - started);
  }
  const result = await autocannon({ url: base, connections: 10, duration: LOAD_SECONDS, requests: paths.map((path) => ({ method: "GET", path })) });
  return { urls: paths.length, coldP50: percentile(cold, 50), coldP99: percentile(cold, 99), p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function measureBackend(browser: Browser, name: string, databaseUrl: string, onBox?: (box: { w: number; h: number }) => void): Promise<Side> {
  log(`${name}: starting with ${EVENTS} events (a first start imports them)`);
  const started = Date.now();
  const server: NextServer = await startNextServer({
    distDir: DIST,
    env: { BRIEFMAP_DATABASE_URL: databaseUrl, BRIEFMAP_SYNTHETIC_EVENTS: String(EVENTS), BRIEFMAP_SYNTHETIC_SEED: String(SEED), BRIEFMAP_DATABASE_STATEMENT_TIMEOUT_MS: "600000" },
    readyTimeoutMs: 30 * 60_000,
  });
  try {
    log(`${name}: ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (onBox) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      onBox(await mapBox((await openMap(context, `${server.url}/?${READ}`, { timeoutMs: 300_000 })).page));
      await context.close();
    }
    const tileUrls = new Set<string>();
    const side = await measurePage(browser, `Briefmap, ${EVENTS.toLocaleString("en")} events, ${name}`, `${server.url}/?${READ}`, tileUrls);
    log(`${name}: ${tileUrls.size} tile URLs seen while panning`);
    side.tiles = await measureTiles(server.url, [...tileUrls].slice(0, 200));
    log(`${name}: ${JSON.stringify(side)}`);
    return side;
  } finally {
    await server.stop();
  }
}

const median = (values: number[]) => (values.length ? percentile(values, 50) : NaN);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : "—");
const mark = (ok: boolean) => (ok ? "met" : "missed");

function report(floor: Side, sides: Side[]): string {
  const rows = [floor, ...sides].map(
    (s) =>
      `| ${s.name} | ${ms(median(s.open))} | ${median(s.pan).toFixed(1)} ms | ${(s.firstViewBytes / 1024).toFixed(0)} KB | ${s.heapMB.toFixed(0)} MB | ${s.tiles ? `${ms(s.tiles.coldP50)} / ${ms(s.tiles.coldP99)}` : "—"} | ${s.tiles ? `${ms(s.tiles.p50)} / ${ms(s.tiles.p99)} (${s.tiles.rps.toFixed(0)}/s)` : "—"} |`,
  );
  const goals = sides.flatMap((s) => [
    `- ${s.name}: open ≤ ${GOALS.openRatio}× floor: ${mark(median(s.open) <= GOALS.openRatio * median(floor.open))} (${(median(s.open) / median(floor.open)).toFixed(2)}×); pan p95 ≤ ${GOALS.panRatio}×: ${mark(median(s.pan) <= GOALS.panRatio * median(floor.pan))} (${(median(s.pan) / median(floor.pan)).toFixed(2)}×); first view ≤ ${GOALS.firstViewKB} KB: ${mark(s.firstViewBytes / 1024 <= GOALS.firstViewKB)}; heap ≤ ${GOALS.heapMB} MB: ${mark(s.heapMB <= GOALS.heapMB)}${s.tiles ? `; tile p99 ≤ ${GOALS.tileP99} ms (cached ${mark(s.tiles.p99 <= GOALS.tileP99)}, uncached ${mark(s.tiles.coldP99 <= GOALS.tileP99)})` : ""}${s.failures.length ? `; failures: ${s.failures.join("; ")}` : ""}`,
  ]);
  return [
    "# Event tiles at scale (issue 15)",
    "",
    `Measured by \`npm run bench -- --only=tiles\` (bench/tiles.mts) on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg().map((l) => l.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 16)} UTC, a machine shared with other work. Production build, loopback, Chromium with SwiftShader at 1280×800. The dashboard is opened with \`?${READ}\` (the reader on the real article: by default it shows the newest article, here the synthetic one, and the first HTML then carries every synthetic sentence, 49 MB at 100,000 events; that is the reader's matter, not the map's).`,
    "",
    `Open: navigation to map idle of the dashboard's first view (no filter, the Levant), median of ${RUNS}. Pan: p95 of frame times while dragging ${PAN_SECONDS} s, median of ${RUNS}. First view: bytes of every response until idle. Heap: JS heap after ${HEAP_SECONDS} s of panning, after a garbage collection. Tiles: the pan's tile URLs fetched once each with a filter no cache holds (uncached), then cycled by autocannon with 10 connections for ${LOAD_SECONDS} s (cached per store revision).`,
    "",
    "| page | open | pan p95 | first view | heap | tile p50 / p99 uncached | tile p50 / p99 under load |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Goals:",
    "",
    ...goals,
    "",
  ].join("\n");
}

async function main() {
  if (!existsSync(join(ROOT, DIST, "BUILD_ID"))) {
    log(`next build → ${DIST}`);
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, env: { ...process.env, BRIEFMAP_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }
  mkdirSync(TMP, { recursive: true });
  await writeScenarios(TMP, { camera: "4/41.5/19", event: "paris-talks", counts: [FLOOR_COUNT], seed: SEED });
  const floorServer = await startStatic({
    "/maplibre/": join(ROOT, "node_modules/maplibre-gl/dist"),
    "/basemap/world": join(TMP, "world.geojson"),
    "/basemap/": join(ROOT, "public/basemap"),
    "/geo/": join(ROOT, "data/geo"),
    "/data/": TMP,
    "/": join(ROOT, "bench/floor"),
  });
  const browser = await launchBrowser();
  let cluster: PostgresCluster | undefined;
  try {
    const sides: Side[] = [];
    // The floor's map is the size of the dashboard's at 1280×800, measured on the first server.
    let box = { w: Number(arg("w") ?? 0), h: Number(arg("h") ?? 0) };
    sides.push(await measureBackend(browser, "SQLite", `file:${join(TMP, `tiles-${EVENTS}.sqlite`)}`, box.w ? undefined : (b) => (box = b)));
    const floor = await measurePage(browser, `floor: bare MapLibre, ${FLOOR_COUNT.toLocaleString("en")} events in one clustered GeoJSON`, `${floorServer.url}/map.html?config=events-${FLOOR_COUNT}&w=${box.w}&h=${box.h}`);
    log(`floor (${box.w}×${box.h}): ${JSON.stringify(floor)}`);
    const missing = process.argv.includes("--no-postgres") ? "--no-postgres" : postgresMissing();
    if (missing) log(`PostGIS skipped: ${missing}`);
    else {
      cluster = await startPostgres();
      sides.push(await measureBackend(browser, "PostGIS", cluster.url));
    }
    const text = report(floor, sides);
    writeFileSync(join(ROOT, "BENCHMARKS-TILES.md"), text);
    console.log(text);
  } finally {
    await browser.close().catch(() => {});
    await cluster?.stop();
    await floorServer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
