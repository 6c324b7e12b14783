import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startNextServer, type NextServer } from "./harness/next-server";
import { describeHostileData } from "../fixtures/xss/hostile-data-suite";
import { writeThroughApi } from "../fixtures/xss/write-hostile";

/**
 * The XSS corpus against data written through the write API (POST /api/layers, /api/articles,
 * /api/events) into a fresh store, not read from files: whatever the import path accepts must be
 * shown as text everywhere, as the file path's is (tests/e2e/xss.test.ts).
 */
const HOSTILE_DIR = fileURLToPath(new URL("../fixtures/data/hostile", import.meta.url));
const TOKEN = "xss-written-token-0123456789abcdef";

let dir: string;
let server: NextServer;
let written = { layers: 0, articles: 0, events: 0 };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-xss-written-"));
  // An empty data folder, so that the store's first start imports nothing and all data comes by API.
  mkdirSync(path.join(dir, "data/geo"), { recursive: true });
  mkdirSync(path.join(dir, "data/articles"), { recursive: true });
  server = await startNextServer({
    distDir: process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test",
    env: { BRIEFMAP_DATA_DIR: path.join(dir, "data"), BRIEFMAP_DATABASE_URL: `file:${path.join(dir, "store.sqlite")}`, BRIEFMAP_ADMIN_TOKEN: TOKEN },
    readyTimeoutMs: 90_000,
  });
  written = await writeThroughApi(server.url, TOKEN, HOSTILE_DIR);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the hostile fixture written through the API", () => {
  test("is accepted whole", () => {
    expect(written).toEqual({ layers: 2, articles: 1, events: 141 });
  });
});

describeHostileData("hostile data written through the API", () => ({ baseUrl: server.url, pid: server.pid, log: server.log, stop: server.stop }));
