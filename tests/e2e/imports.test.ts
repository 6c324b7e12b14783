import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./harness/browser";
import type { NextServer } from "./harness/next-server";
import { call, startServer, tempDatabase, TOKEN } from "./writes-client";
import { syntheticAcledCsv } from "../fixtures/import/acled-synthetic";

/*
 * Import and export over real HTTP on a server of its own (a fresh SQLite file with the repo's
 * data): POST /api/imports, the /import page in Chromium, and the view's downloads.
 */

const SCREENSHOTS = process.env.BRIEFMAP_SCREENSHOT_DIR;
let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const base = () => server.url;

beforeAll(async () => {
  db = tempDatabase();
  server = await startServer(db.url);
});
afterAll(async () => {
  await server?.stop();
  db?.remove();
});

async function upload(query: string, body: string | Buffer, token: string | null = TOKEN) {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base()}/api/imports?${query}`, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/imports", () => {
  it("imports an ACLED file with the token, refuses without it, and the events are on the map at once", async () => {
    expect((await upload("format=acled&name=a.csv", syntheticAcledCsv(3), null)).status).toBe(401);
    const answer = await upload("format=acled&name=e2e.csv", syntheticAcledCsv(12));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ rowsRead: 12, imported: 12, skipped: 0, dryRun: false });
    const listed = await call(base(), "GET", "/api/events?id=acled-syn7", { token: null });
    expect(listed.body.features[0].properties.id).toBe("acled-syn7");
  });

  it("reports a refused file with 200 and writes nothing; an unknown format is a 400", async () => {
    const refused = await upload("format=acled&name=semi.csv", syntheticAcledCsv(2).replace(/,/g, ";"));
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toMatch(/not commas/);
    const bad = await upload("format=xls&name=x.xls", "x");
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe("format");
  });

  it("imports the GDELT sample filtered to Syria", async () => {
    const tsv = readFileSync("/work/shared/samples/gdelt/gdelt2_20191024143000.syria_israel.tsv");
    const answer = await upload("format=gdelt&name=gdelt.tsv&country=SY", tsv);
    expect(answer.body.rowsRead).toBe(155);
    expect(answer.body.imported).toBeGreaterThan(0);
    expect(answer.body.imported + answer.body.filtered + answer.body.skipped).toBe(155);
  });
});

describe("POST /api/imports for layers", () => {
  const zone = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "Zone A" }, geometry: { type: "Polygon", coordinates: [[[35, 32], [36, 32], [36, 33], [35, 33], [35, 32]]] } }] });

  it("asks for provenance, then saves the layer, which the layers API serves with it", async () => {
    const refused = await upload("format=geojson&name=zones.geojson&id=e2e-zones", zone);
    expect(refused.body.refused).toMatch(/provenance lacks source, licence, attribution, date/);
    const saved = await upload("format=geojson&name=zones.geojson&id=e2e-zones&source=Desk%20survey&licence=CC%20BY%204.0&attribution=Desk&date=2026-11-01", zone);
    expect(saved.body).toMatchObject({ layer: "e2e-zones", features: 1 });
    expect(saved.body.refused).toBeUndefined();
    const layers = await call(base(), "GET", "/api/layers", { token: null });
    expect(layers.body.layers.find((l: { id: string }) => l.id === "e2e-zones")).toMatchObject({ source: "Desk survey", licence: "CC BY 4.0", attribution: "Desk" });
  });

  it("refuses a KML with an external entity and saves nothing", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&x;</name><Point><coordinates>35,32</coordinates></Point></Placemark></kml>`;
    const answer = await upload("format=kml&name=x.kml&id=e2e-xxe&source=s&licence=l&attribution=a&date=d", xxe);
    expect(answer.body.refused).toMatch(/DOCTYPE or entities/);
    expect((await call(base(), "GET", "/api/layers/e2e-xxe", { token: null })).status).toBe(404);
  });
});

describe("exports", () => {
  it("streams the filtered view as CSV and KML with file names naming the view; refuses an unknown format", async () => {
    const csv = await fetch(`${base()}/api/events?types=armed-clash&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="briefmap-events_armed-clash.csv"');
    const text = await csv.text();
    const [head, ...rows] = text.trimEnd().split("\r\n");
    expect(head!.startsWith("event_id_cnty,event_date,year,time_precision")).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes(",armed-clash,"))).toBe(true);

    const kml = await fetch(`${base()}/api/events?format=kml`);
    expect(kml.headers.get("content-type")).toContain("kml");
    expect(await kml.text()).toContain("<TimeSpan><begin>");

    const bad = await call(base(), "GET", "/api/events?format=xlsx", { token: null });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe("format");
  });

  it("gives a layer as KML", async () => {
    const layers = await call(base(), "GET", "/api/layers", { token: null });
    const id = layers.body.layers[0].id as string;
    const kml = await fetch(`${base()}/api/layers/${id}?format=kml`);
    expect(kml.status).toBe(200);
    expect(kml.headers.get("content-disposition")).toBe(`attachment; filename="${id}.kml"`);
    expect(await kml.text()).toMatch(/<Placemark[\s>]/);
  });
});

describe("the /import page and the download menu", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`previews, imports and reports an ACLED file (${viewport.width}×${viewport.height})`, async () => {
      const { page, problems } = await openPage(base(), "/import", { viewport, headers: { authorization: `Bearer ${TOKEN}` } });
      await page.getByTestId("import-file").setInputFiles({ name: `page-${viewport.width}.csv`, mimeType: "text/csv", buffer: Buffer.from(syntheticAcledCsv(8, (i) => (i === 2 ? { latitude: "123" } : { event_id_cnty: `PAGE${viewport.width}-${i}` }))) });
      const preview = page.getByTestId("import-preview");
      await preview.waitFor();
      expect(await preview.locator("tbody tr").count()).toBe(6);
      await expect.poll(() => preview.textContent()).toContain("armed-clash");
      expect(await preview.textContent()).toContain('skipped: latitude "123"');
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/import-preview-${viewport.width}.png`, fullPage: true });
      await page.getByTestId("import-run").click();
      const report = page.getByTestId("import-report");
      await report.waitFor();
      expect(await report.textContent()).toMatch(/8 row\(s\) read · 7 imported · 0 updated · 1 skipped/);
      const download = page.waitForEvent("download");
      await page.getByTestId("import-report-download").click();
      const saved = JSON.parse(readFileSync(await (await download).path(), "utf8"));
      expect(saved).toMatchObject({ rowsRead: 8, imported: 7, skippedRows: [{ line: 4 }] });
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/import-report-${viewport.width}.png`, fullPage: true });
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    });
  }

  it("axe finds no serious or critical violation on /import with a preview and a layer form", async () => {
    const { page } = await openPage(base(), "/import", { headers: { authorization: `Bearer ${TOKEN}` } });
    await page.getByTestId("import-file").setInputFiles({ name: "a.csv", mimeType: "text/csv", buffer: Buffer.from(syntheticAcledCsv(3)) });
    await page.getByTestId("import-preview").waitFor();
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.getByTestId("import-format").selectOption("geojson");
    const layerForm = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(layerForm.map((v) => v.id)).toEqual([]);
  });

  it("shows a signed-out visitor no upload, only the way to sign in", async () => {
    const { page } = await openPage(base(), "/import");
    await expect.poll(() => page.getByTestId("writers-only").textContent()).toMatch(/Importing data needs an editor/);
    expect(await page.getByTestId("import-file").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in?next=%2Fimport");
  });

  it("offers the filtered view for download from the dashboard", async () => {
    const { page } = await openPage(base(), "/?types=armed-clash");
    const menu = page.getByTestId("download-menu");
    await menu.locator("summary").click();
    const link = menu.getByRole("link", { name: /Events as CSV/ });
    expect(await link.getAttribute("href")).toBe("/api/events?types=armed-clash&format=csv");
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/download-menu.png` });
    const download = page.waitForEvent("download");
    await link.click();
    expect((await download).suggestedFilename()).toBe("briefmap-events_armed-clash.csv");
    // The choice closed the menu.
    expect(await menu.getAttribute("open")).toBeNull();
  });

  it("fits the download menu on a phone", async () => {
    const { page } = await openPage(base(), "/", { viewport: { width: 390, height: 844 } });
    const menu = page.getByTestId("download-menu");
    await menu.locator("summary").click();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/download-menu-390.png` });
    const box = await menu.locator("ul").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("open")).toBeNull();
  });
});
