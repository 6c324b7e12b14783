import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * Data that passes validation but is awkward to show, served by a second production server:
 * 40,000-character strings (the article title, an event title and actor, a layer title, a feature
 * name), quote spans of two events that overlap next to a space, and a layer whose given bbox is
 * wrong. Every page must stay within the window, keep every character of the article, and answer.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ARTICLE = "articles/syria-israel-paris-talks-2025-08-20";
const LONG = (word: string) => word.repeat(Math.ceil(40_000 / word.length)).slice(0, 40_000);
const SHOWN = "us-backs-lasting-stability";
const OVERLAPPING = "assad-overthrown";

let dir: string;
let server: SecondServer;
let sentence = "";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each edit reaches into a differently shaped data file
const edit = (file: string, change: (json: any) => void) => {
  const json = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  change(json);
  writeFileSync(path.join(dir, file), JSON.stringify(json));
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-display-"));
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  const text = readFileSync(path.join(dir, `${ARTICLE}.txt`), "utf8");
  edit(`${ARTICLE}.article.json`, (a) => (a.title = LONG("Longtitle")));
  edit(`${ARTICLE}.events.json`, ({ events }) => {
    const shown = events.find((e: { id: string }) => e.id === SHOWN);
    shown.title = LONG("Eventtitle");
    shown.actors = [LONG("Actor"), ...shown.actors];
    // A span of another event that ends just before a space inside this event's sentence.
    const span = shown.sources[0];
    sentence = text.slice(span.start, span.end);
    const cut = span.start + sentence.indexOf(" ", 20);
    events.find((e: { id: string }) => e.id === OVERLAPPING).sources.push({ start: span.start, end: cut, quote: text.slice(span.start, cut) });
  });
  edit("geo/paris.layer.json", (m) => (m.title = LONG("Layertitle")));
  edit("geo/levant-countries.geojson", (fc) => (fc.features.find((f: { id: string }) => f.id === "syria").properties.name = LONG("Featurename")));
  // Well formed but wrong: the layer is served with a note and its bbox is computed.
  edit("geo/golan-buffer-zone.geojson", (fc) => (fc.bbox = [0, 0, 1, 1]));
  server = await startSecondServer(dir);
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("data that passes but is awkward to show", () => {
  test("40,000-character strings wrap: no panel grows wider than the window", async ({ browser }) => {
    const { page, problems } = await openPage(server.baseUrl, `/?event=${SHOWN}`, { browser });
    await waitForMapIdle(page);
    const widths = await page.evaluate(() => ({
      window: window.innerWidth,
      page: document.documentElement.scrollWidth,
      boxes: [...document.querySelectorAll("main > *, header, aside, article")].map((el) => {
        const r = el.getBoundingClientRect();
        return { tag: `${el.tagName}.${el.className}`, right: Math.round(r.right), scroll: el.scrollWidth, client: el.clientWidth };
      }),
    }));
    expect(widths.page, JSON.stringify(widths.boxes)).toBeLessThanOrEqual(widths.window);
    for (const box of widths.boxes) {
      expect(box.right, box.tag).toBeLessThanOrEqual(widths.window);
      // A pixel or two of a marked sentence's outline may stick out; a long string would be thousands.
      expect(box.scroll, box.tag).toBeLessThanOrEqual(box.client + 4);
    }
    // The long strings are there to read, whole.
    const text = await page.locator("body").innerText();
    for (const word of ["Longtitle", "Eventtitle", "Actor", "Layertitle"]) expect(text.replace(/\s/g, "")).toContain(LONG(word));
    expect(problems.pageErrors).toEqual([]);
  });

  test("quote spans of two events that overlap keep every character of the sentence, spaces too", async ({ browser }) => {
    const { page } = await openPage(server.baseUrl, "/", { browser });
    const paragraph = page.locator("article p", { hasText: sentence.slice(0, 30) }).first();
    await expect.poll(() => paragraph.innerText()).toContain(sentence);
  });

  test("/print lays the long title, event title and actor out within the sheet", async ({ browser }) => {
    const { page, problems } = await openPage(server.baseUrl, `/print?event=${SHOWN}`, { browser });
    await page.locator('main[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    const sheet = await page.locator("[data-sheet]").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sheet.scroll).toBeLessThanOrEqual(sheet.client + 4);
    expect(problems.pageErrors).toEqual([]);
  });

  test.for(["/preview", `/preview?layers=golan-buffer-zone,paris&event=${SHOWN}`, "/print?layers=golan-buffer-zone"])("%s answers 200", async (url) => {
    const res = await fetch(`${server.baseUrl}${url}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  test("the layer with a wrong bbox is served with the bbox of its coordinates", async () => {
    const body = await (await fetch(`${server.baseUrl}/api/layers`)).json();
    const golan = body.layers.find((l: { id: string }) => l.id === "golan-buffer-zone");
    expect(golan.bbox[0]).toBeGreaterThan(35);
    expect(golan.bbox[1]).toBeGreaterThan(32);
    const layer = await (await fetch(`${server.baseUrl}/api/layers/golan-buffer-zone`)).text();
    expect(layer).not.toContain('"bbox"');
    expect(server.log()).toMatch(/golan-buffer-zone\.geojson: wrong-bbox \(note\): /);
  });
});
