import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./servers.mjs";

export type ApiResult = { path: string; seconds: number; connections: number; p50: number; p99: number; rps: number; requests: number; non2xx: number; errors: number };

/** autocannon (its CLI, JSON output) against one filtered /api/events query on loopback. */
export function measureApi(baseUrl: string, path: string, seconds: number, connections = 10): Promise<ApiResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/autocannon/autocannon.js"), "-j", "-c", String(connections), "-d", String(seconds), `${baseUrl}${path}`], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as { latency: { p50: number; p99: number }; requests: { average: number; total: number }; non2xx: number; errors: number };
      done({ path, seconds, connections, p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors });
    });
  });
}
