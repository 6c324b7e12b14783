/**
 * `npm run bench -- --only=import` (or `tsx bench/import.mts [--rows=100000,1000000]`): the import and
 * export goals of issue 13, each case in a child process of its own so that its peak RSS is its own.
 *  - ACLED-layout rows (generated, streamed) into a fresh SQLite store: rows/s and peak RSS
 *    (goals: >= 20,000 rows/s, RSS <= 400 MB at 1,000,000 rows)
 *  - the GDELT 2.0 sample export (2,111 rows): rows/s
 *  - CSV export of the whole store: time to first byte (goal <= 200 ms) and total
 * Writes BENCHMARKS-IMPORT.md.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventsDownload } from "../lib/export/events-export";
import { importEventFile } from "../lib/import/events-import";
import { openSqliteStore } from "../lib/store/sqlite/sqlite-store";
import { syntheticAcledStream } from "../tests/fixtures/import/acled-synthetic";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const GDELT = "/work/shared/samples/gdelt/gdelt2_20191024143000.export.CSV";
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

type CaseResult = { case: string; rows: number; imported: number; seconds: number; rowsPerSecond: number; peakRssMB: number; firstByteMs?: number; exportSeconds?: number; exportMB?: number };

async function runCase(kind: string, rows: number): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), "briefmap-bench-import-"));
  const store = openSqliteStore(join(dir, "store.sqlite"));
  try {
    const started = performance.now();
    const report =
      kind === "acled"
        ? await importEventFile(store, syntheticAcledStream(rows), { format: "acled", fileName: `synthetic-${rows}.csv`, actor: "bench" })
        : await importEventFile(store, createReadStream(GDELT, { highWaterMark: 1 << 20 }), { format: "gdelt", fileName: "gdelt.csv", actor: "bench" });
    const seconds = (performance.now() - started) / 1000;
    const result: CaseResult = { case: kind, rows: report.rowsRead, imported: report.imported, seconds, rowsPerSecond: report.rowsRead / seconds, peakRssMB: 0 };
    if (kind === "acled") {
      const t0 = performance.now();
      const response = await eventsDownload(store, {}, "csv");
      const reader = response.body!.getReader();
      let bytes = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        if (result.firstByteMs === undefined) result.firstByteMs = performance.now() - t0;
        bytes += r.value.byteLength;
      }
      result.exportSeconds = (performance.now() - t0) / 1000;
      result.exportMB = bytes / 1024 / 1024;
    }
    result.peakRssMB = process.resourceUsage().maxRSS / 1024;
    return result;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (arg("case")) {
  const r = await runCase(arg("case")!, Number(arg("rows") ?? 0));
  process.stdout.write(JSON.stringify(r) + "\n");
} else {
  const counts = (arg("rows") ?? "100000,1000000").split(",").map(Number);
  const results: CaseResult[] = [];
  const cases: [string, number][] = [...counts.map((n) => ["acled", n] as [string, number]), ["gdelt", 0]];
  for (const [kind, rows] of cases) {
    console.error(`[bench import] ${kind}${rows ? ` ${rows.toLocaleString("en")} rows` : ""}…`);
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), `--case=${kind}`, `--rows=${rows}`], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.error(`[bench import] ${kind} failed (exit ${child.status})`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split("\n").pop()!) as CaseResult;
    results.push(r);
    console.error(`[bench import]   ${Math.round(r.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${Math.round(r.peakRssMB)} MB${r.firstByteMs !== undefined ? `; CSV export first byte ${r.firstByteMs.toFixed(0)} ms, total ${r.exportSeconds!.toFixed(1)} s` : ""}`);
  }
  const line = (r: CaseResult) =>
    `| ${r.case === "acled" ? `ACLED layout, ${r.rows.toLocaleString("en")} rows` : `GDELT sample, ${r.rows.toLocaleString("en")} rows`} | ${r.imported.toLocaleString("en")} | ${r.seconds.toFixed(1)} s | **${Math.round(r.rowsPerSecond).toLocaleString("en")}** | **${Math.round(r.peakRssMB)} MB** | ${r.firstByteMs !== undefined ? `${r.firstByteMs.toFixed(0)} ms / ${r.exportSeconds!.toFixed(1)} s (${r.exportMB!.toFixed(0)} MB)` : "–"} |`;
  const md = `# Import and export benchmarks

Measured by \`tsx bench/import.mts\` (also \`npm run bench -- --only=import\`) on ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end; the machine is shared, so figures vary with its load.
Each case runs in a child process of its own (peak RSS is that process's maxRSS), into a fresh SQLite store; the ACLED rows are generated and streamed (never a file in memory).
Goals (issue 13): import >= 20,000 rows/s into SQLite with RSS <= 400 MB at 1,000,000 rows; CSV export of 1,000,000 events: first byte <= 200 ms.

| case | imported | time | rows/s | peak RSS | CSV export of the store: first byte / total |
|---|---|---|---|---|---|
${results.map(line).join("\n")}
`;
  writeFileSync(join(ROOT, "BENCHMARKS-IMPORT.md"), md);
  console.error("[bench import] BENCHMARKS-IMPORT.md written");
}
