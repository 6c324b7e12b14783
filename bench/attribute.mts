import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import { ROOT } from "./servers.mjs";

export type Bucket = "framework" | "maplibre" | "own" | "libraries";
export const BUCKETS: Bucket[] = ["framework", "maplibre", "own", "libraries"];

/** Which bucket a source file of the build belongs to, by its path in the source map. */
export function bucketOf(source: string): Bucket {
  // Turbopack names sources `turbopack:///[project]/<path>`; its own runtime is `[turbopack]/…`.
  const path = source.replace(/^turbopack:\/\/\/\[project\]\//, "");
  if (/^node_modules\/maplibre-gl\//.test(path)) return "maplibre";
  if (/^node_modules\/(next|react|react-dom|scheduler|@swc\/helpers)\//.test(path)) return "framework";
  if (/^node_modules\//.test(path)) return "libraries";
  if (/^(app|lib)\//.test(path)) return "own";
  return "framework"; // the Turbopack runtime and generated glue
}

/** Bytes of a minified file per bucket, from its source map: each mapped run counts for its source. */
function bytesByBucket(code: string, map: RawSourceMap): Record<Bucket, number> {
  const out: Record<Bucket, number> = { framework: 0, maplibre: 0, own: 0, libraries: 0 };
  const lines = code.split("\n");
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  const consumer = new SourceMapConsumer(map);
  let last: { at: number; bucket: Bucket } | null = null;
  consumer.eachMapping((m) => {
    const at = (lineStart[m.generatedLine - 1] ?? 0) + m.generatedColumn;
    if (last) out[last.bucket] += Math.max(0, at - last.at);
    last = { at, bucket: m.source ? bucketOf(m.source) : "framework" };
  });
  if (last) out[(last as { bucket: Bucket }).bucket] += Math.max(0, code.length - (last as { at: number }).at);
  return out;
}

/**
 * Splits transferred JavaScript into framework (Next, React, the Turbopack runtime), MapLibre (its
 * chunk and worker), Briefmap's own code (app/ and lib/) and other npm libraries, using the source
 * maps of the bench build (built with BRIEFMAP_SOURCE_MAPS=1): each chunk's transferred bytes are
 * shared out by how many of its minified bytes map to each bucket's sources.
 */
export function attribute(transfers: { url: string; bytes: number }[], distDir: string): Record<Bucket, number> & { detail: { url: string; bytes: number; split: Partial<Record<Bucket, number>> }[] } {
  const totals: Record<Bucket, number> = { framework: 0, maplibre: 0, own: 0, libraries: 0 };
  const detail: { url: string; bytes: number; split: Partial<Record<Bucket, number>> }[] = [];
  for (const t of transfers) {
    const path = new URL(t.url).pathname;
    const split: Partial<Record<Bucket, number>> = {};
    const add = (b: Bucket, v: number) => {
      split[b] = (split[b] ?? 0) + v;
      totals[b] += v;
    };
    const file = path.startsWith("/_next/") ? join(ROOT, distDir, path.slice("/_next/".length)) : null;
    if (/maplibre/i.test(path)) add("maplibre", t.bytes);
    else if (!file) add("libraries", t.bytes);
    else {
      const code = readFileSync(file, "utf8");
      // Turbopack names a chunk's map by its own hash: follow the sourceMappingURL comment.
      const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
      const mapFile = mapName ? join(dirname(file), mapName) : null;
      if (!mapFile || !existsSync(mapFile)) {
        add("framework", t.bytes); // plain scripts without a map: runtime, polyfills
        detail.push({ url: path, bytes: t.bytes, split });
        continue;
      }
      const bytes = bytesByBucket(code, JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap);
      const sum = BUCKETS.reduce((s, b) => s + bytes[b], 0) || 1;
      for (const b of BUCKETS) if (bytes[b] > 0) add(b, (t.bytes * bytes[b]) / sum);
    }
    detail.push({ url: path, bytes: t.bytes, split });
  }
  return { ...totals, detail };
}
