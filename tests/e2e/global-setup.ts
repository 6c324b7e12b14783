import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startNextServer, type NextServer } from "./harness/next-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the production server started for this run, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Own folder, so a developer's `next dev` (.next) is left alone; BRIEFMAP_TEST_DIST_DIR lets parallel runs use others.
const DIST_DIR = process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test";
const LOG_DIR = path.join(ROOT, ".tmp");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const READY_TIMEOUT_MS = 60_000;

const env = { ...process.env, BRIEFMAP_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(LOG_DIR, { recursive: true });

  if (process.env.BRIEFMAP_SKIP_BUILD === "1") {
    if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
      throw new Error(`BRIEFMAP_SKIP_BUILD=1 but ${DIST_DIR}/BUILD_ID is missing: run once without it to build.`);
    }
    log(`skipping build, reusing ${DIST_DIR}`);
  } else {
    await build();
  }

  const server = await startServer();
  project.provide("baseUrl", server.url);
  return () => server.stop();
}

async function build(): Promise<void> {
  const logFile = path.join(LOG_DIR, "e2e-build.log");
  const started = Date.now();
  // `next build` rewrites these when the dist dir is not .next (tsconfig include, route type imports);
  // a test run must leave the working tree as it found it.
  const restore = snapshot(["tsconfig.json", "next-env.d.ts"]);
  // The build output goes to a file: it would drown the test report, and the tail is shown on failure.
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(logFile);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  await new Promise((resolve) => out.end(resolve));
  restore();
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile, 40)}`);
  }
  log(`built into ${DIST_DIR} in ${seconds(started)} s`);
}

async function startServer(): Promise<NextServer> {
  const logFile = path.join(LOG_DIR, "e2e-server.log");
  const started = Date.now();
  const out = createWriteStream(logFile);
  try {
    const server = await startNextServer({ distDir: DIST_DIR, readyPath: "/", readyTimeoutMs: READY_TIMEOUT_MS, onOutput: (chunk) => out.write(chunk) });
    log(`server pid ${server.pid} answering at ${server.url} after ${seconds(started)} s (log: ${path.relative(ROOT, logFile)})`);
    return server;
  } catch (error) {
    throw new Error(`${(error as Error).message}; server log ${logFile}`);
  }
}

/**
 * Remembers files' contents; the returned function puts back those that now name DIST_DIR and did
 * not before, i.e. Next's own rewrite, and leaves any other concurrent edit alone.
 */
function snapshot(files: string[]): () => void {
  const saved = files.map((file) => {
    const full = path.join(ROOT, file);
    return { file, full, before: existsSync(full) ? readFileSync(full, "utf8") : null };
  });
  return () => {
    for (const { file, full, before } of saved) {
      if (before === null || before.includes(DIST_DIR) || !existsSync(full)) continue;
      if (readFileSync(full, "utf8").includes(DIST_DIR)) {
        writeFileSync(full, before);
        log(`restored ${file}: next build had added ${DIST_DIR} to it`);
      }
    }
  };
}

function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no log)";
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const log = (message: string) => console.log(`[e2e] ${message}`);
