import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, startNextServer } from "../tests/e2e/harness/next-server";

export const ROOT = resolve(import.meta.dirname, "..");

export type NextServer = { url: string; pid: number; stop(): Promise<void> };

/** `next start` of the bench build (the tests' helper: stopped by PID, never by name). */
export async function startNext(distDir: string, env: Record<string, string> = {}): Promise<NextServer> {
  // The first request also loads (and, with synthetic events, generates) the data.
  return startNextServer({ distDir, env, readyTimeoutMs: 120_000 });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".pbf": "application/x-protobuf",
  ".png": "image/png",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".geojson"]);

export type StaticServer = { url: string; stop(): Promise<void> };

/**
 * A tiny static server for the floor and peer pages: URL prefix → folder, gzip for text (as `next
 * start` does), no caching headers (each run opens a fresh browser context anyway).
 */
export async function startStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const gz = new Map<string, Buffer>();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    const base = prefix === undefined ? undefined : mounts[prefix];
    const file = base && normalize(join(base, path.slice(prefix!.length)));
    if (!base || !file || !file.startsWith(base)) return void response.writeHead(404).end();
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error("not a file");
      size = stat.size;
    } catch {
      return void response.writeHead(404).end();
    }
    const ext = extname(file);
    const headers: Record<string, string> = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      let body = gz.get(file);
      if (!body) gz.set(file, (body = gzipSync(readFileSync(file))));
      response.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
      return;
    }
    response.writeHead(200, { ...headers, "content-length": String(size) });
    createReadStream(file).pipe(response);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
