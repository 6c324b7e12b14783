import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { blend } from "./harness/colours";
import { canvasColours, openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * A copy of data/ with two broken layers, served by a second production server: `undof-lines` is cut
 * off mid-file (not JSON) and one feature of `areas-of-limitation` is a figure of eight (rings cross
 * themselves). The rest must be served and drawn, and the broken layers listed with why.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BROKEN_JSON = { id: "undof-lines", file: "geo/undof-lines.geojson" };
const SELF_INTERSECTING = { id: "areas-of-limitation", file: "geo/areas-of-limitation.geojson", feature: "a-side-0-10-km" };

let dir: string;
let server: SecondServer;
const titleOf = (id: string): string => JSON.parse(readFileSync(path.join(dir, `geo/${id}.layer.json`), "utf8")).title;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-bad-data-"));
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  const lines = readFileSync(path.join(dir, BROKEN_JSON.file), "utf8");
  writeFileSync(path.join(dir, BROKEN_JSON.file), lines.slice(0, Math.floor(lines.length / 2)));
  const areas = JSON.parse(readFileSync(path.join(dir, SELF_INTERSECTING.file), "utf8"));
  const feature = areas.features.find((f: { id: string }) => f.id === SELF_INTERSECTING.feature);
  feature.geometry = { type: "Polygon", coordinates: [[[35.8, 33.0], [35.9, 33.1], [35.9, 33.0], [35.8, 33.1], [35.8, 33.0]]] };
  writeFileSync(path.join(dir, SELF_INTERSECTING.file), JSON.stringify(areas));
  server = await startSecondServer(dir);
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a data folder with broken layers", () => {
  test("the server logs each problem with file, feature and rule when it loads the data", async () => {
    // Pages and API routes are bundled apart; each loads the data, the log must still say it once.
    for (const url of ["/", "/api/layers", "/api/events", "/preview", "/print"]) await (await fetch(`${server.baseUrl}${url}`)).arrayBuffer();
    const log = server.log();
    // Each problem once, however many routes and pages have loaded the data by now.
    expect(log.match(/\[briefmap data\] geo\/undof-lines\.geojson: invalid-json: /g)).toHaveLength(1);
    expect(log.match(/\[briefmap data\] geo\/areas-of-limitation\.geojson \[a-side-0-10-km\]: self-intersection: /g)).toHaveLength(1);
  });

  test("GET /api/layers serves the valid layers and lists the broken ones under `unavailable`", async () => {
    const res = await fetch(`${server.baseUrl}/api/layers`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const ids = body.layers.map((l: { id: string }) => l.id);
    expect(ids).toEqual(expect.arrayContaining(["golan-buffer-zone", "as-suwayda", "paris", "levant-countries", "places"]));
    expect(ids).not.toContain(BROKEN_JSON.id);
    expect(ids).not.toContain(SELF_INTERSECTING.id);
    const unavailable = Object.fromEntries(body.unavailable.map((u: { id: string; file: string; problems: string[] }) => [u.id, u]));
    // Named by the broken .geojson, under the manifest's own title, with the rule.
    expect(unavailable[BROKEN_JSON.id]).toMatchObject({ file: BROKEN_JSON.file, title: titleOf(BROKEN_JSON.id), problems: [expect.stringMatching(/^invalid-json: not valid JSON/)] });
    expect(unavailable[SELF_INTERSECTING.id]).toMatchObject({ file: SELF_INTERSECTING.file, title: titleOf(SELF_INTERSECTING.id) });
    expect(unavailable[SELF_INTERSECTING.id].problems).toEqual(expect.arrayContaining([expect.stringMatching(/^a-side-0-10-km: self-intersection: rings cross themselves/)]));
  });

  test.for([
    [BROKEN_JSON.id, /unavailable: .*not valid JSON/],
    [SELF_INTERSECTING.id, /unavailable: a-side-0-10-km: self-intersection: rings cross themselves/],
  ] as const)("GET /api/layers/%s answers 404 with the reason", async ([id, reason]) => {
    const res = await fetch(`${server.baseUrl}/api/layers/${id}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(reason);
  });

  test("the page renders, draws the other layers and lists the unavailable ones with why", async ({ browser }) => {
    const { page, problems } = await openPage(server.baseUrl, "/", { browser });
    await waitForMapIdle(page);
    const colours = await canvasColours(page);
    expect(colours.nonBlankFraction(), "map canvas is blank").toBeGreaterThan(0.9);
    // As-Suwayda is drawn (colour check as in smoke.test.ts).
    const { color, fillOpacity } = JSON.parse(readFileSync(path.join(dir, "geo/as-suwayda.layer.json"), "utf8")).style;
    const candidates = [color, ...colours.topColours(4).map((c) => blend(color, c.hex, fillOpacity))];
    const best = Math.max(...candidates.map((hex) => colours.count(hex, { tolerance: 4, solid: true })));
    expect(best, `As-Suwayda not drawn; colours ${JSON.stringify(colours.topColours(8))}`).toBeGreaterThanOrEqual(500);

    const panel = page.locator("div", { has: page.getByRole("heading", { name: "Unavailable layers" }) }).last();
    await expect.poll(() => panel.innerText()).toContain(`${titleOf(BROKEN_JSON.id)} (${BROKEN_JSON.file}): invalid-json: not valid JSON`);
    expect(await panel.innerText()).toContain(`${titleOf(SELF_INTERSECTING.id)} (${SELF_INTERSECTING.file}): a-side-0-10-km: self-intersection: rings cross themselves`);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  test("npm run check-data -- <dir> exits 1 listing file, feature and rule", () => {
    const run = spawnSync("npm", ["run", "--silent", "check-data", "--", dir], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^geo\/undof-lines\.geojson: invalid-json: not valid JSON/m);
    expect(run.stderr).toMatch(/^geo\/areas-of-limitation\.geojson \[a-side-0-10-km\]: self-intersection: rings cross themselves/m);
    expect(run.stdout).toMatch(/2 unavailable/);
  });
});
