import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { ROOT } from "./servers.mjs";

export type Bucket = "framework" | "maplibre" | "own" | "libraries";
export const BUCKETS: Bucket[] = ["framework", "maplibre", "own", "libraries"];

/** String literals (≥ 14 characters) of Briefmap's own client-reachable source: they survive minification. */
function ownMarkers(): string[] {
  const markers = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) {
        for (const m of readFileSync(path, "utf8").matchAll(/"([^"\\\n]{14,})"|`([^`\\\n$]{14,})`/g)) {
          const s = m[1] ?? m[2] ?? "";
          if (!/^(use client|use strict|maplibre-gl|@\/|\.\/|next\/)/.test(s)) markers.add(s);
        }
      }
    }
  };
  walk(join(ROOT, "app"));
  walk(join(ROOT, "lib"));
  return [...markers];
}

const FRAMEWORK = /Minified React error|react\.(transitional\.)?element|__NEXT_|__next_f|next-router|_rsc|RSC|react-dom|scheduler|Next\.js|nextjs|next\/dist|NEXT_REDIRECT|NEXT_NOT_FOUND|use client|__turbopack|TURBOPACK/;

type Module = { src: string; gz: number };

function modulesOf(code: string): Module[] | null {
  let program;
  try {
    program = parse(code, { ecmaVersion: "latest", sourceType: "script" }) as unknown as { body: { expression?: { callee?: { property?: { name?: string } }; arguments?: { elements?: { type: string; start: number; end: number }[] }[] } }[] };
  } catch {
    return null;
  }
  const call = program.body[0]?.expression;
  if (call?.callee?.property?.name !== "push") return null;
  const elements = call.arguments?.[0]?.elements ?? [];
  return elements
    .filter((e) => e.type === "ArrowFunctionExpression" || e.type === "FunctionExpression")
    .map((e) => {
      const src = code.slice(e.start, e.end);
      return { src, gz: gzipSync(src).length };
    });
}

/**
 * Splits transferred JavaScript into framework (Next + React + the Turbopack runtime and
 * polyfills), MapLibre (main chunk module + worker files), Briefmap's own code (app/ and lib/)
 * and other npm libraries. Turbopack chunks are parsed into their module factories; each module
 * is classified by content (MapLibre's name, React/Next markers, string literals from app/ and
 * lib/), and the chunk's transferred bytes are shared out by the modules' gzip sizes.
 */
export function attribute(transfers: { url: string; bytes: number }[], distDir: string): Record<Bucket, number> & { detail: { url: string; bytes: number; split: Partial<Record<Bucket, number>> }[] } {
  const markers = ownMarkers();
  const totals: Record<Bucket, number> = { framework: 0, maplibre: 0, own: 0, libraries: 0 };
  const detail: { url: string; bytes: number; split: Partial<Record<Bucket, number>> }[] = [];
  for (const t of transfers) {
    const path = new URL(t.url).pathname;
    const split: Partial<Record<Bucket, number>> = {};
    const add = (b: Bucket, v: number) => {
      split[b] = (split[b] ?? 0) + v;
      totals[b] += v;
    };
    if (/maplibre/i.test(path)) add("maplibre", t.bytes);
    else if (!path.startsWith("/_next/")) add("libraries", t.bytes);
    else {
      const code = readFileSync(join(ROOT, distDir, path.slice("/_next/".length)), "utf8");
      const modules = modulesOf(code);
      if (!modules) add("framework", t.bytes); // runtime and polyfills are plain scripts
      else {
        const sum = modules.reduce((s, m) => s + m.gz, 0) || 1;
        for (const m of modules) {
          const bucket: Bucket = /maplibre/i.test(m.src) && m.src.length > 50_000
            ? "maplibre"
            : markers.some((s) => m.src.includes(s))
              ? "own"
              : FRAMEWORK.test(m.src)
                ? "framework"
                : "libraries";
          add(bucket, (t.bytes * m.gz) / sum);
        }
      }
    }
    detail.push({ url: path, bytes: t.bytes, split });
  }
  return { ...totals, detail };
}
