import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeGridLayer } from "../fixtures/bad/generated-layer";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * A valid layer of about 50 MB (32,000 circles of 64 points over the Levant), served by a second
 * production server. Link previews of views that show it answered an empty reply with no status;
 * they must answer a PNG (or a clear error status), and the rest of the server must keep answering.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

let dir: string;
let server: SecondServer;
let bytes = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-heavy-"));
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  ({ bytes } = writeGridLayer(dir, { id: "heavy", count: 32_000, vertices: 64 }));
  server = await startSecondServer(dir, { readyTimeoutMs: 240_000 });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a 50 MB layer", () => {
  test("is valid and served", async () => {
    expect(bytes).toBeGreaterThan(45_000_000);
    const body = await (await fetch(`${server.baseUrl}/api/layers`)).json();
    expect(body.layers.map((l: { id: string }) => l.id)).toContain("heavy");
  });

  test.for(["/preview?layers=heavy", "/preview?layers=heavy,paris,golan-buffer-zone", "/preview?layers=heavy&map=9/33.2/35.8"])("%s answers a PNG", async (url) => {
    const res = await fetch(`${server.baseUrl}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = new Uint8Array(await res.arrayBuffer());
    expect(png.byteLength).toBeGreaterThan(5_000);
    expect([...png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
  });

  test("the print page of a view showing it answers", async () => {
    const res = await fetch(`${server.baseUrl}/print?layers=heavy`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("data-print-ready");
  });
});
