import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const STOP_GRACE_MS = 5_000;

export type NextServer = {
  url: string;
  /** The server's own PID (not npx's or npm's): what RSS readings and stopping concern. */
  pid: number;
  /** Everything the server printed so far (stdout and stderr). */
  log(): string;
  /** SIGTERM by PID, then SIGKILL after a grace period. */
  stop(): Promise<void>;
};

export type NextServerOptions = {
  /** The build folder (BRIEFMAP_DIST_DIR). */
  distDir: string;
  env?: Record<string, string>;
  /** Path polled until it answers; the first request also loads (and validates) the data. */
  readyPath?: string;
  readyTimeoutMs?: number;
  /** Called with each chunk the server prints, e.g. to write a log file. */
  onOutput?: (chunk: string) => void;
};

/**
 * `node …/next start` of a production build on a free loopback port, used by the tests, the load
 * bench and the benchmarks. It is stopped by its PID, never by name, and killed if this process exits.
 */
export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  const port = await freePort();
  // Each server gets its own store unless the caller names one: a fresh SQLite file, removed on stop.
  const ownStore = options.env?.BRIEFMAP_DATABASE_URL || process.env.BRIEFMAP_DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "briefmap-store-"));
  const storeEnv = ownStore ? { BRIEFMAP_DATABASE_URL: `file:${path.join(ownStore, "briefmap.sqlite")}` } : {};
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BRIEFMAP_DIST_DIR: options.distDir, ...storeEnv, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    options.onOutput?.(text);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const removeStore = () => {
    if (ownStore) rmSync(ownStore, { recursive: true, force: true });
  };
  const onExit = () => {
    child.kill("SIGKILL");
    removeStore();
  };
  process.once("exit", onExit);
  child.once("exit", () => {
    process.off("exit", onExit);
    removeStore();
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const server: NextServer = { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, log: () => output, stop };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${server.url}${options.readyPath ?? "/api/layers"}`, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      return server; // any HTTP answer means the server is up; callers judge the status
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/** A port the OS just handed out and released again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not get a free port"))));
    });
  });
}
