import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startNextServer, type NextServer } from "./harness/next-server";

/**
 * A database file that is not a database (as after a disk fault or a wrong path): the API answers
 * 503 with a message and the pages say the data store is unavailable, with no stack trace. Once the
 * file is gone the store is created afresh from data/ and the app answers again, without a restart.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
let database: string;
let server: NextServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-store-down-"));
  database = path.join(dir, "briefmap.sqlite");
  writeFileSync(database, "this is not an SQLite database, and the app must say so without breaking\n".repeat(200));
  server = await startNextServer({
    distDir: process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test",
    env: { BRIEFMAP_DATA_DIR: path.join(ROOT, "data"), BRIEFMAP_DATABASE_URL: `file:${database}` },
    readyTimeoutMs: 120_000,
  });
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a data store that cannot be read", () => {
  it.each(["/api/events", "/api/events/digest", "/api/events/view", "/api/layers", "/api/layers/paris", "/api/articles/syria-israel-paris-talks-2025-08-20", "/print/model", "/preview"])(
    "GET %s answers 503 with a message and no internals",
    async (route) => {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ error: { message: expect.stringMatching(/data store is unavailable/) } });
      expect(JSON.stringify(body)).not.toMatch(/sqlite|\.ts|at \w+ \(|node_modules/i);
    },
  );

  test("the dashboard shows an error page that says the data store is unavailable", async ({ browser }) => {
    const { page } = await openPage(server.url, "/?event=paris-talks", { browser });
    await expect.poll(() => page.getByTestId("store-unavailable").count(), { timeout: 15_000 }).toBe(1);
    const text = await page.getByTestId("store-unavailable").innerText();
    expect(text).toMatch(/The data store is unavailable/);
    expect(text).not.toMatch(/at \w+ \(|node_modules|sqlite|Error:/i);
  });

  test("so does the print page", async ({ browser }) => {
    const { page } = await openPage(server.url, "/print?event=paris-talks", { browser });
    await expect.poll(() => page.getByTestId("store-unavailable").count(), { timeout: 15_000 }).toBe(1);
  });

  it("recovers when the database is back, without a restart", async () => {
    rmSync(database, { force: true });
    await expect
      .poll(async () => (await fetch(`${server.url}/api/events?detail=marker`)).status, { timeout: 60_000, interval: 500 })
      .toBe(200);
    const body = await (await fetch(`${server.url}/api/events?detail=marker`)).json();
    expect(body.features).toHaveLength(13);
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).not.toContain('data-testid="store-unavailable"');
    expect(html).toContain('data-testid="event-count"');
  });
});
