import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeGridLayer } from "../fixtures/bad/generated-layer";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * One request must not stall the server. `?layer=` over a layer of 3,000 small polygons held every
 * other request for 25 s, because which events lie in the layer was worked out per request, per
 * feature. With membership computed when data is written (from a spatial index), another request
 * is answered at once while the layer filter runs.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OTHER_REQUEST_MS = 2_000;

let dir: string;
let server: SecondServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-stall-"));
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  writeGridLayer(dir, { id: "grid", count: 3_000, vertices: 8 });
  server = await startSecondServer(dir, { readyTimeoutMs: 120_000 });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a layer filter over 3,000 polygons", () => {
  test.for(["/api/events?layer=grid", "/?layer=grid"])("while %s runs, another request is answered within 2 s", async (url) => {
    const filtered = fetch(`${server.baseUrl}${url}`).then(
      (res) => res.status,
      (error: Error) => `no answer (${error.message})`,
    );
    // Let the filtered request reach the server before the other one is sent.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await fetch(`${server.baseUrl}/api/layers`, { signal: AbortSignal.timeout(OTHER_REQUEST_MS) }).then(
      (res) => res.status,
      (error: Error) => `no answer within ${OTHER_REQUEST_MS} ms (${error.name})`,
    );
    expect(other).toBe(200);
    // The filter itself answers too: its events, or 503 when it ran over the request's time budget.
    expect([200, 503]).toContain(await filtered);
  });
});
