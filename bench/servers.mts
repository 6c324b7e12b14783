import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as netServer } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(import.meta.dirname, "..");

/** A port the OS just handed out and released again. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = netServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

export type NextServer = { url: string; pid: number; stop(): Promise<void> };

/** `next start` of the bench build, as its own node process (stopped by PID, never by name). */
export async function startNext(distDir: string, env: Record<string, string> = {}): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BRIEFMAP_DIST_DIR: distDir, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
      setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 5000).unref();
    });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    try {
      // The first request also loads (and, with synthetic events, generates) the data.
      const response = await fetch(`${url}/api/layers`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid ?? -1, stop };
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
