import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { mapPixels, sheetLayout } from "@/lib/print/layout";
import { openPage } from "./harness/browser";
import { CanvasColours } from "./harness/colours";
import { test } from "./harness/fixtures";
import { decodePng } from "./harness/png";

const VIEW = "map=8/33.0/35.9&event=paris-talks";
/** Generous: SwiftShader on a loaded 2-core machine took 55 s for the 300 dpi map (20 s idle bound + drawing). */
const READY_TIMEOUT_MS = 150_000;
const SLOW = { timeout: 240_000 };
const dir = mkdtempSync(path.join(tmpdir(), "briefmap-print-"));

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Attributions of the layers a view without `layers=` shows, from the manifests, so the test follows the data. */
function defaultAttributions(): string[] {
  const geo = new URL("../../data/geo/", import.meta.url);
  return ["as-suwayda", "golan-buffer-zone", "levant-countries", "paris", "places", "undof-lines", "areas-of-limitation"]
    .map((id) => JSON.parse(readFileSync(new URL(`${id}.layer.json`, geo), "utf8")))
    .filter((m) => m.defaultVisible)
    .map((m) => m.provenance.attribution as string);
}

async function waitForPrintReady(page: Page): Promise<void> {
  await page.locator('main[data-print-ready="true"], main[data-print-error]').first().waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  expect(await page.locator("main").getAttribute("data-print-error"), "print page reported an error").toBeNull();
}

/** Rows of `pdfimages -list` as [width, height]. */
function imagesIn(pdf: string): [number, number][] {
  return run("pdfimages", "-list", pdf)
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 4)
    .map((cols) => [Number(cols[3]), Number(cols[4])]);
}

describe("print page", () => {
  test("A4 landscape at 150 dpi: A4 pages, the map at print size, title, sources and link", SLOW, async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape&dpi=150&title=Test%20brief`, { browser });
    const started = Date.now();
    await waitForPrintReady(page);
    console.log(`[print] 150 dpi A4 ready in ${Date.now() - started} ms after load`);
    const pdf = path.join(dir, "a4-150.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));

    const info = run("pdfinfo", pdf);
    // The first page is the sheet; events that do not fit under the map continue on further pages.
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Number(w)).toBeCloseTo(841.9, 0);
    expect(Number(h)).toBeCloseTo(595.3, 0);

    const expected = mapPixels(sheetLayout("a4", "landscape", true).map, 150);
    expect(imagesIn(pdf)).toContainEqual([expected.width, expected.height]);

    const text = squash(run("pdftotext", pdf, "-"));
    expect(text).toContain("Test brief");
    for (const attribution of [...defaultAttributions(), "Made with Natural Earth", "Noto Sans"]) expect(text).toContain(squash(attribution));
    // pdftotext breaks the long link where the sheet wrapped it.
    expect(text.replace(/\s/g, "")).toContain(`${baseUrl}/?map=8/33/35.9&event=paris-talks`);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  test("300 dpi gives the map twice the pixels", SLOW, async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape&dpi=300`, { browser });
    const started = Date.now();
    await waitForPrintReady(page);
    console.log(`[print] 300 dpi A4 ready in ${Date.now() - started} ms after load`);
    const pdf = path.join(dir, "a4-300.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const expected = mapPixels(sheetLayout("a4", "landscape", true).map, 300);
    expect(imagesIn(pdf)).toContainEqual([expected.width, expected.height]);
  });

  test("invalid print params are dropped and said on screen", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=b5&dpi=72`, { browser });
    const notice = page.getByTestId("ignored-notice");
    await expect.poll(() => notice.textContent()).toContain("paper");
    expect(await notice.textContent()).toContain("dpi");
    const pageRule = await page.evaluate(() => [...document.querySelectorAll("style")].map((s) => s.textContent ?? "").find((t) => t.includes("@page")));
    expect(pageRule).toContain("size: A4 landscape");
  });

  test("the export dialog downloads a PNG and a PDF with a drawn map", SLOW, async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape&dpi=150`, { browser });
    await page.getByRole("button", { name: "Print / export…" }).click();
    const dialog = page.getByTestId("export-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);

    const [png] = await Promise.all([page.waitForEvent("download", { timeout: READY_TIMEOUT_MS }), dialog.getByRole("button", { name: "Download PNG" }).click()]);
    const pngPath = path.join(dir, "export.png");
    await png.saveAs(pngPath);
    const image = new CanvasColours(decodePng(readFileSync(pngPath)));
    const map = mapPixels(sheetLayout("a4", "landscape", true).map, 150);
    // The whole sheet at the paper's size: A4 landscape at 150 dpi.
    expect([image.image.width, image.image.height]).toEqual([1754, 1240]);
    // The map covers about a third of the sheet; the rest is paper and type.
    expect(image.nonBlankFraction(), "exported PNG is blank").toBeGreaterThan(0.25);

    const [pdf] = await Promise.all([page.waitForEvent("download", { timeout: READY_TIMEOUT_MS }), dialog.getByRole("button", { name: "Download PDF" }).click()]);
    const pdfPath = path.join(dir, "export.pdf");
    await pdf.saveAs(pdfPath);
    expect(run("pdfinfo", pdfPath)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    expect(imagesIn(pdfPath)).toContainEqual([map.width, map.height]);
    // The map image inside the PDF is drawn, not blank.
    run("pdfimages", "-png", "-f", "1", "-l", "1", pdfPath, path.join(dir, "export-pdf"));
    const fromPdf = new CanvasColours(decodePng(readFileSync(path.join(dir, "export-pdf-000.png"))));
    expect(fromPdf.nonBlankFraction(), "map in exported PDF is blank").toBeGreaterThan(0.9);
    expect(await page.getByTestId("export-status").textContent()).toMatch(/PDF ready/);

    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(problems.pageErrors).toEqual([]);
  });
});
