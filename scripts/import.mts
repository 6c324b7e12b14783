// Imports an ACLED CSV, a GDELT 2.0 events file or a layer (GeoJSON, KML, zipped shapefile, CSV)
// into the store BRIEFMAP_DATABASE_URL names (unset: .briefmap/briefmap.sqlite), with a progress
// bar on stderr and a report (rows read, imported, updated, skipped with the reason per row).
//
//   npm run import -- FILE --format acled|gdelt|geojson|kml|shp|csv [--dry-run] [--report FILE]
//     events:  [--deletions FILE] [--country XX] [--bbox w,s,e,n]
//     layers:  --source S --licence L --attribution A --date D [--accuracy T] [--id ID] [--title T] [--replace]
//
// Exit code 0 when the import was written (or would be, on a dry run), 1 when it was refused, 2 on bad usage.
import { createReadStream, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { importEventFile } from "../lib/import/events-import";
import { importLayerFile } from "../lib/import/layers/import-layer";
import { LAYER_FORMATS, type LayerFormat } from "../lib/import/layers/read-layer";
import { reportLine } from "../lib/import/report";
import { openStore } from "../lib/store/open";

const usage = "usage: npm run import -- FILE --format acled|gdelt|geojson|kml|shp|csv [--dry-run] [--report FILE] [--deletions FILE] [--country XX] [--bbox w,s,e,n] [--source S --licence L --attribution A --date D]";
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      report: { type: "string" },
      deletions: { type: "string" },
      country: { type: "string" },
      bbox: { type: "string" },
      source: { type: "string" },
      licence: { type: "string" },
      attribution: { type: "string" },
      date: { type: "string" },
      accuracy: { type: "string" },
      id: { type: "string" },
      title: { type: "string" },
      replace: { type: "boolean" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
const file = positionals[0];
const format = values.format;
if (positionals.length !== 1 || !file || !format || !["acled", "gdelt", ...LAYER_FORMATS].includes(format)) {
  console.error(usage);
  process.exit(2);
}
let bbox: [number, number, number, number] | undefined;
if (values.bbox) {
  const n = values.bbox.split(",").map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || n[0]! >= n[2]! || n[1]! >= n[3]!) {
    console.error(`--bbox "${values.bbox}": expected west,south,east,north in degrees, west < east and south < north`);
    process.exit(2);
  }
  bbox = n as [number, number, number, number];
}
let size: number;
try {
  size = statSync(file).size;
} catch (error) {
  console.error(`${file}: ${(error as Error).message}`);
  process.exit(2);
}

const actor = `import ${process.env.USER ?? "cli"}`;
let store: Awaited<ReturnType<typeof openStore>>;
try {
  store = await openStore(process.env.BRIEFMAP_DATABASE_URL, { readUrl: process.env.BRIEFMAP_DATABASE_READ_URL });
} catch (error) {
  console.error(`cannot open the store: ${(error as Error).message}`);
  process.exit(1);
}
let report: object;
let line: string;
let refused: boolean;
try {
  if (format === "acled" || format === "gdelt") {
    const bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{bar} {percentage}% | {rows} rows", hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(size, 0, { rows: 0 });
    const r = await importEventFile(store, createReadStream(file, { highWaterMark: 1 << 20 }), {
      format,
      fileName: basename(file),
      actor,
      dryRun: values["dry-run"],
      deletions: values.deletions ? createReadStream(values.deletions) : undefined,
      filter: { country: values.country, bbox },
      onProgress: (p) => bar.update(p.bytesRead, { rows: p.rowsRead }),
    });
    bar.stop();
    report = r;
    line = reportLine(r);
    refused = r.refused !== undefined;
    for (const s of r.skippedRows.slice(0, 20)) console.error(`  line ${s.line}: skipped, ${s.reason}`);
    if (r.skipped > 20) console.error(`  … ${r.skipped - 20} more skipped row(s): see the report`);
    for (const p of (r.problems ?? []).slice(0, 20)) console.error(`  ${p.item}: ${p.message}`);
  } else {
    const r = await importLayerFile(store, readFileSync(file), format as LayerFormat, {
      fileName: basename(file),
      actor,
      id: values.id,
      title: values.title,
      provenance: { source: values.source, licence: values.licence, attribution: values.attribution, date: values.date, accuracy: values.accuracy },
      replace: values.replace,
      dryRun: values["dry-run"],
    });
    report = r;
    refused = r.refused !== undefined;
    line = refused ? `refused: ${r.refused}` : `${r.dryRun ? "dry run (nothing written): " : ""}layer "${r.layer}" with ${r.features} feature(s)${r.notes.length ? ` (${r.notes.join("; ")})` : ""}`;
    for (const p of (r.problems ?? []).slice(0, 20)) console.error(`  ${p.item}: ${p.message}`);
  }
} finally {
  await store.close();
}
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2) + "\n");
console.log(`${file}: ${line}${values.report ? ` (report: ${values.report})` : ""}`);
process.exitCode = refused ? 1 : 0;
