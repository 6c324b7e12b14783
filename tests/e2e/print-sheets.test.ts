import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openPage } from "./harness/browser";
import { test } from "./harness/fixtures";
import { decodePng } from "./harness/png";

/** Where the sheets are written, and rendered to PNG for people to look at. */
const OUT = path.resolve(import.meta.dirname, "../../.tmp/print-sheets");
mkdirSync(OUT, { recursive: true });

const VIEW = "map=8/33.0/35.9&event=paris-talks";
/** 120 characters, the longest title the print URL takes: too long for one line on every paper. */
const LONG_TITLE = "Syria and Israel in Paris: renewing the 1974 disengagement deal while Israel holds the UN buffer zone on Golan Heights";
const READY_TIMEOUT_MS = 150_000;
const SLOW = { timeout: 240_000 };
const PAGE_PT = { a4: [595.3, 841.9], a3: [841.9, 1190.6], letter: [612, 792] } as const;

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

async function waitForPrintReady(page: Page): Promise<void> {
  await page.locator('main[data-print-ready="true"], main[data-print-error]').first().waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  expect(await page.locator("main").getAttribute("data-print-error"), "print page reported an error").toBeNull();
}

/**
 * Parts of the first sheet that lie outside the sheet or outside a clipping box around them: what
 * paper would lose. Each part is named so that a failure says what was cut.
 */
function cutParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sheet = document.querySelector("[data-sheet]")!;
    const parts: [string, Element | null][] = [
      ["title", sheet.querySelector("h1")],
      ["dates", sheet.querySelector("header p")],
      ["map", sheet.querySelector("[data-map-pixels]")],
      ["legend", sheet.querySelector("#legend-layers")?.parentElement ?? null],
      ["sources", sheet.querySelector("#sources-heading")?.parentElement ?? null],
      ["QR code", sheet.querySelector('[data-testid="sheet-link"] img')],
      ["link", sheet.querySelector('[data-testid="sheet-link"] p')],
      ["footer", sheet.querySelector("footer")],
    ];
    const cut: string[] = [];
    const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    for (const [name, element] of parts) {
      if (!element) {
        cut.push(`${name}: missing`);
        continue;
      }
      const box = element.getBoundingClientRect();
      if (!inside(box, sheet.getBoundingClientRect())) cut.push(`${name}: outside the sheet`);
      for (let up = element.parentElement; up && up !== sheet.parentElement; up = up.parentElement) {
        if (getComputedStyle(up).overflow !== "visible" && !inside(box, up.getBoundingClientRect())) cut.push(`${name}: clipped by ${up.tagName.toLowerCase()}.${up.className}`);
      }
    }
    return cut;
  });
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number; page: number };

/** Every word pdftotext finds, with its box in points and its page. */
function wordsOf(pdf: string): { words: Word[]; pages: { width: number; height: number }[] } {
  const html = run("pdftotext", "-bbox", pdf, "-");
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const words: Word[] = [];
  html.split(/<page /).slice(1).forEach((chunk, page) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, "&"), page });
    }
  });
  return { words, pages };
}

describe("print sheets at every paper and orientation, with a long title", () => {
  const cases = (["a4", "a3", "letter"] as const).flatMap((paper) => (["portrait", "landscape"] as const).map((orientation) => ({ paper, orientation })));

  test.for(cases)("$paper $orientation: nothing is cut off the sheet", SLOW, async ({ paper, orientation }, { browser, baseUrl }) => {
    const query = `${VIEW}&paper=${paper}&orientation=${orientation}&dpi=150&title=${encodeURIComponent(LONG_TITLE)}`;
    const { page, problems } = await openPage(baseUrl, `/print?${query}`, { browser });
    await waitForPrintReady(page);

    expect(await cutParts(page)).toEqual([]);
    // A title too long for its line is ellipsised by the sheet, not cut by the page edge; on A4 and Letter it is too long.
    const title = await page.locator("[data-sheet] h1").evaluate((h) => ({ cut: h.scrollWidth > h.clientWidth, ellipsis: getComputedStyle(h).textOverflow === "ellipsis" }));
    if (paper !== "a3") expect(title.cut).toBe(true);
    expect(!title.cut || title.ellipsis).toBe(true);

    const pdf = path.join(OUT, `${paper}-${orientation}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { words, pages } = wordsOf(pdf);
    const [short, long] = PAGE_PT[paper];
    const [width, height] = orientation === "portrait" ? [short, long] : [long, short];
    // Chromium rounds the page to whole CSS pixels: within a point of the paper.
    for (const p of pages) {
      expect(Math.abs(p.width - width)).toBeLessThan(1);
      expect(Math.abs(p.height - height)).toBeLessThan(1);
    }
    const outside = words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > width + 0.5 || w.yMax > height + 0.5);
    expect(outside.map((w) => w.text)).toEqual([]);
    const text = words.map((w) => w.text).join("");
    expect(text, "the whole link is printed under the QR code").toContain(`${baseUrl}/?map=8/33/35.9&event=paris-talks`.replace(/\s/g, ""));
    expect(text).toContain("Printed");
    expect(text).toContain("Timewindow:");
    // Every event of the view is on paper, over as many pages as it takes.
    const model = (await (await fetch(`${baseUrl}/print/model?${query}`)).json()) as { model: { events: { title: string }[] } };
    for (const e of model.model.events) expect(text).toContain(e.title.replace(/\s/g, ""));

    run("pdftoppm", "-png", "-r", "50", pdf, path.join(OUT, `${paper}-${orientation}`));
    expect(problems.pageErrors).toEqual([]);
  });
});

describe("the print page", () => {
  test("frames the selected event on a portrait sheet, whatever the dashboard's camera", SLOW, async ({ browser, baseUrl }) => {
    // The dashboard looked at the Golan; the event happened in Paris.
    const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=portrait&dpi=150`, { browser });
    await waitForPrintReady(page);
    const [west, south, east, north] = (await page.locator("[data-map-bounds]").getAttribute("data-map-bounds"))!.split(",").map(Number) as [number, number, number, number];
    const paris = [2.35, 48.86];
    expect(paris[0]).toBeGreaterThan(west);
    expect(paris[0]).toBeLessThan(east);
    expect(paris[1]).toBeGreaterThan(south);
    expect(paris[1]).toBeLessThan(north);
  });

  for (const width of [1440, 1920]) {
    test(`keeps its toolbar visible and clickable at ${width} px`, async ({ browser, baseUrl }) => {
      const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape`, { browser, viewport: { width, height: 900 } });
      const toolbar = page.getByRole("navigation", { name: "Print view" });
      for (const control of [toolbar.getByRole("button", { name: "Print…" }), toolbar.getByRole("button", { name: "Print / export…" }), toolbar.getByRole("link", { name: "Back to the map" })]) {
        const name = await control.textContent();
        const box = (await control.boundingBox())!;
        const hit = await page.evaluate(([x, y]) => {
          const el = document.elementFromPoint(x!, y!);
          return el?.closest("nav")?.getAttribute("aria-label") ?? el?.tagName ?? null;
        }, [box.x + box.width / 2, box.y + box.height / 2]);
        expect(hit, `${name} does not get the click`).toBe("Print view");
        // Seen, not only clickable: paint (an outline, a shadow) can cover what still gets clicks.
        const shot = decodePng(await page.screenshot({ clip: box }));
        let ink = 0;
        for (let i = 0; i < shot.data.length; i += 4) if (Math.min(shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!) < 200) ink++;
        expect(ink / (shot.width * shot.height), `${name} is painted over`).toBeGreaterThan(0.03);
      }
      await toolbar.getByRole("button", { name: "Print / export…" }).click({ timeout: 5_000 });
      await expect.poll(() => page.getByTestId("export-dialog").isVisible()).toBe(true);
    });
  }
});
