/**
 * `npm run bench [-- --quick] [-- --runs=N] [-- --no-build | --build] [-- --only=open,print,events,api,store,ingest,import,tiles] [-- --report]`: Briefmap's production build against bare floors and a
 * peer, side by side in one run; writes BENCHMARKS.md. See BENCHMARKS.md for what each figure means.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../tests/e2e/harness/browser";
import { measureApi, type ApiResult } from "./measure-api.mjs";
import { measureEvents, type EventsResult } from "./measure-events.mjs";
import { measureOpen, type OpenResult } from "./measure-open.mjs";
import { measurePrint, type PrintResult } from "./measure-print.mjs";
import { mapBox, openMap } from "./page-map.mjs";
import { report, type ReportInput } from "./report.mjs";
import { fmt, kb } from "./stats.mjs";
import { writeScenarios } from "./scenario.mjs";
import { ROOT, startNext, startStatic, type NextServer, type StaticServer } from "./servers.mjs";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const DIST = ".next-bench";
const TMP = join(ROOT, ".tmp/bench");
const LAST_RUN = join(TMP, "last-run.json");
const EVENT = "paris-talks";
const CAMERA = "4/41.5/19"; // shows Paris and the Levant: the selection's place, its subjects and the arcs
const QUERY = `event=${EVENT}&map=${CAMERA}`;
const COUNTS = [10_000, 100_000];
/** The peer's export takes over a minute a run at A4 here, and it runs at two sizes: three runs each at most. */
const PEER_RUNS = 3;
const SEED = 1;
const runsArg = process.argv.find((a) => a.startsWith("--runs="));
const RUNS = runsArg ? Math.max(1, Number(runsArg.slice("--runs=".length)) || 1) : quick ? 3 : 7;
// --only=open,print,events,api runs part of the bench while working on one figure; BENCHMARKS.md is then left alone.
const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const only = onlyArg ? new Set(onlyArg.slice("--only=".length).split(",")) : null;
const wants = (part: "open" | "print" | "events" | "api" | "store" | "ingest" | "import" | "tiles") => !only || only.has(part);

/** The article pipeline (issue 12) needs no build or server: its own process, so the gazetteer's memory is its alone. */
function benchIngest() {
  log("7. ingestion: bench/ingest.mts (gazetteer load and memory, seed extraction)");
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(ROOT, "bench/ingest.mts"), ...(quick ? ["--runs=5"] : [])], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) log(`   ingest bench failed (exit ${r.status})`);
}
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** `next build` into DIST; Next rewrites tsconfig.json (include) and next-env.d.ts for a custom distDir: put them back. */
function build() {
  const kept = ["tsconfig.json", "next-env.d.ts"].map((f) => [f, readFileSync(join(ROOT, f), "utf8")] as const);
  try {
    log("next build → .next-bench");
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { ...process.env, BRIEFMAP_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", BRIEFMAP_SOURCE_MAPS: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (r.status !== 0) throw new Error(`next build failed (${r.status})`);
  } finally {
    for (const [f, text] of kept) writeFileSync(join(ROOT, f), text);
  }
}

async function main() {
  const started = Date.now();
  // --report rewrites BENCHMARKS.md from the last full run's figures (e.g. after editing the findings), measuring nothing.
  if (args.has("--report")) {
    writeFileSync(join(ROOT, "BENCHMARKS.md"), report(JSON.parse(readFileSync(LAST_RUN, "utf8")) as ReportInput));
    log("BENCHMARKS.md rewritten from the last run");
    return;
  }
  if (only && only.size === 1 && only.has("ingest")) return benchIngest();
  // --quick reuses the last bench build when there is one (pass --build to rebuild): a build alone takes ~35 s here.
  const built = existsSync(join(ROOT, DIST, "BUILD_ID"));
  if (args.has("--build") || (!args.has("--no-build") && !(quick && built))) build();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", memGiB: totalmem() / 2 ** 30, load: loadavg(), node: process.version, date: new Date().toISOString() };
  log("writing floor scenarios");
  await writeScenarios(TMP, { camera: CAMERA, event: EVENT, counts: COUNTS, seed: SEED });

  const servers: (NextServer | StaticServer)[] = [];
  let browser: Browser | undefined;
  try {
    const floor = await startStatic({
      "/maplibre5/": join(ROOT, "node_modules/@watergis/maplibre-gl-export/node_modules/maplibre-gl/dist"),
      "/maplibre/": join(ROOT, "node_modules/maplibre-gl/dist"),
      "/export/": join(ROOT, "node_modules/@watergis/maplibre-gl-export/dist"),
      "/basemap/world": join(TMP, "world.geojson"),
      "/basemap/": join(ROOT, "public/basemap"),
      "/geo/": join(ROOT, "data/geo"),
      "/data/": TMP,
      "/": join(ROOT, "bench/floor"),
    });
    servers.push(floor);
    const app = await startNext(DIST);
    servers.push(app);
    log(`Briefmap ${app.url} (pid ${app.pid}), floor ${floor.url}`);
    browser = await launchBrowser();

    // Warm-up (not measured): server caches, and the map box size the floor copies.
    const warm = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const box = await mapBox((await openMap(warm, `${app.url}/?${QUERY}`)).page);
    await openMap(warm, `${floor.url}/map.html?config=open&w=${box.w}&h=${box.h}`);
    await warm.close();
    log(`map box ${box.w}x${box.h}`);

    let open: OpenResult | undefined;
    let print: PrintResult | undefined;
    if (wants("open")) {
      log(`1+2. shared link, ${RUNS} runs`);
      open = await measureOpen(browser, { appUrl: app.url, floorUrl: floor.url, query: QUERY, box, runs: RUNS, distDir: DIST, timeoutMs: 60_000 });
      log(`   Briefmap ${fmt(open.app.idle)}, floor ${fmt(open.floor.idle)}; own JS ${kb(open.app.js.own)} of ${kb(open.app.jsTotal)}`);
    }
    if (wants("print")) {
      const printRuns = quick ? 1 : RUNS;
      log(`4. print, ${printRuns} run(s)${quick ? ", peer left out in --quick" : ""}`);
      print = await measurePrint(browser, { appUrl: app.url, floorUrl: floor.url, query: QUERY, box, runs: printRuns, peerRuns: quick ? 0 : Math.min(RUNS, PEER_RUNS), timeoutMs: 180_000 });
      if (print.measured) {
        const failed = [...print.app.failures, ...print.peer.failures, ...print.peerA4.failures].join("; ");
        log(`   Briefmap ${fmt(print.app.total)} (${print.app.pixels}), peer at that size ${fmt(print.peer.total)}, peer A4 ${fmt(print.peerA4.total)}; failures ${failed || "none"}`);
      }
    }
    await app.stop();

    const events: EventsResult[] = [];
    let api: ApiResult | undefined;
    for (const count of wants("events") || wants("api") ? COUNTS : []) {
      log(`3. ${count} events (server with BRIEFMAP_SYNTHETIC_EVENTS=${count})`);
      const synthetic = await startNext(DIST, { BRIEFMAP_SYNTHETIC_EVENTS: String(count), BRIEFMAP_SYNTHETIC_SEED: String(SEED) });
      servers.push(synthetic);
      try {
        const runs = quick ? 1 : RUNS;
        if (wants("events")) {
          const e = await measureEvents(browser, { count, appUrl: synthetic.url, floorUrl: floor.url, box, runs, panMs: quick ? 2000 : 4000, timeoutMs: 120_000 });
          events.push(e);
          log(`   data→idle Briefmap ${fmt(e.app.dataToIdle)}, floor ${fmt(e.floor.dataToIdle)}; pan p95 ${fmt(e.app.panP95, "ms", 1)} vs ${fmt(e.floor.panP95, "ms", 1)}; failures ${[...e.app.failures, ...e.floor.failures].join("; ") || "none"}`);
        }
        if (count === 100_000 && wants("api")) {
          log("5. API under load");
          api = await measureApi(synthetic.url, "/api/events?bbox=35.5,32.5,36.5,33.5&from=2024-06-01&to=2024-08-31", quick ? 5 : 20);
          log(`   p50 ${api.p50} ms, p99 ${api.p99} ms, ${api.rps} req/s`);
        }
      } finally {
        await synthetic.stop();
      }
    }
    if (wants("store")) {
      // The store at scale (issue 11): SQLite and PostGIS side by side, in BENCHMARKS-STORE.md.
      const storeArgs = [`--dist=${DIST}`, ...(quick ? ["--events=100000", "--seconds=5"] : [])];
      log(`6. store at scale: bench/store.mts ${storeArgs.join(" ")}`);
      const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/store.mts"), ...storeArgs], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
      if (r.status !== 0) log(`   store bench failed (exit ${r.status})`);
    }
    if (wants("ingest")) benchIngest();
    if (wants("import")) {
      // Import and export (issue 13), in BENCHMARKS-IMPORT.md.
      const importArgs = quick ? ["--rows=100000"] : [];
      log(`8. import and export: bench/import.mts ${importArgs.join(" ")}`);
      const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/import.mts"), ...importArgs], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
      if (r.status !== 0) log(`   import bench failed (exit ${r.status})`);
    }
    if (wants("tiles")) {
      // Issue 15: a million events drawn from vector tiles, SQLite and PostGIS side by side, in BENCHMARKS-TILES.md.
      const tileArgs = [`--dist=${DIST}`, `--w=${box.w}`, `--h=${box.h}`, ...(quick ? ["--events=100000", "--runs=1", "--heap-seconds=10", "--load-seconds=5"] : [])];
      log(`9. event tiles at scale: bench/tiles.mts ${tileArgs.join(" ")}`);
      const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/tiles.mts"), ...tileArgs], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
      if (r.status !== 0) log(`   tile bench failed (exit ${r.status})`);
    }
    const run = { machine, quick, runs: RUNS, query: QUERY, box, open, print, events, api, seconds: (Date.now() - started) / 1000 };
    if (only || !open || !print) {
      // Kept apart, so that --report still rewrites BENCHMARKS.md from the last full run.
      const partial = join(TMP, "last-partial-run.json");
      writeFileSync(partial, JSON.stringify(run, null, 2));
      log(`partial run (--only): BENCHMARKS.md left alone; figures in ${partial}`);
      return;
    }
    writeFileSync(LAST_RUN, JSON.stringify(run, null, 2));
    writeFileSync(join(ROOT, "BENCHMARKS.md"), report(run as ReportInput));
    log(`BENCHMARKS.md written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser?.close().catch(() => {});
    for (const s of servers.reverse()) await s.stop().catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
