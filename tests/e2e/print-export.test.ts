import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openPage } from "./harness/browser";
import { test } from "./harness/fixtures";
import { decodePng } from "./harness/png";
import { startNextServer } from "./harness/next-server";
import { sheetLayout, MARGIN_MM } from "@/lib/print/layout";

const OUT = path.resolve(import.meta.dirname, "../../.tmp/print-export");
mkdirSync(OUT, { recursive: true });

const VIEW = "map=8/33.0/35.9&event=paris-talks";
const DOWNLOAD_TIMEOUT_MS = 150_000;
const SLOW = { timeout: 300_000 };
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
const squash = (s: string) => s.replace(/\s+/g, "");

/** Waits for the print page's own map, opens its export dialog and saves what one of its buttons downloads. */
async function exportFrom(page: Page, button: "Download PNG" | "Download PDF", file: string): Promise<string> {
  await page.locator('main[data-print-ready="true"], main[data-print-error]').first().waitFor({ state: "attached", timeout: DOWNLOAD_TIMEOUT_MS });
  await page.getByRole("button", { name: "Print / export…" }).click();
  const dialog = page.getByTestId("export-dialog");
  await expect.poll(() => dialog.isVisible()).toBe(true);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: DOWNLOAD_TIMEOUT_MS }), dialog.getByRole("button", { name: button }).click()]);
  const saved = path.join(OUT, file);
  await download.saveAs(saved);
  await page.keyboard.press("Escape");
  return saved;
}

describe("PDF export", () => {
  test("a portrait A4 PDF carries every event, the whole link and an ellipsised long title", SLOW, async ({ browser, baseUrl }) => {
    const title = "A very long title for a portrait sheet that cannot fit on one line of the header beside the dates of the view";
    const query = `${VIEW}&paper=a4&orientation=portrait&dpi=150&title=${encodeURIComponent(title)}`;
    const { page, problems } = await openPage(baseUrl, `/print?${query}`, { browser });
    const pdf = await exportFrom(page, "Download PDF", "portrait-a4.pdf");
    const info = run("pdfinfo", pdf);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    const text = run("pdftotext", pdf, "-");
    // Cut with an ellipsis, and the cut title starts as the real one does.
    const header = text.split("\n").find((line) => line.startsWith("A very long title"));
    expect(header).toMatch(/…$/);
    expect(title.startsWith(header!.slice(0, -1).trimEnd())).toBe(true);
    const model = (await (await fetch(`${baseUrl}/print/model?${query}`)).json()) as { model: { link: string; events: { title: string }[] } };
    expect(squash(text)).toContain(squash(model.model.link));
    for (const e of model.model.events) expect(squash(text), `event "${e.title}"`).toContain(squash(e.title));
    expect(text).not.toMatch(/more events?: open the link/);
    run("pdftoppm", "-png", "-r", "60", pdf, path.join(OUT, "portrait-a4"));
    expect(problems.pageErrors).toEqual([]);
  });

  test("Hebrew and Arabic titles come out in embedded Noto fonts and read right", SLOW, async ({ browser, baseUrl }) => {
    const hebrew = "שיחות פריז";
    const arabic = "محادثات باريس";
    const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape&dpi=150&title=${encodeURIComponent(`${hebrew} ${arabic}`)}`, { browser });
    const pdf = await exportFrom(page, "Download PDF", "rtl.pdf");
    const fonts = run("pdffonts", pdf);
    // Embedded (the "emb" column), with a Unicode map so that the text can be searched and copied.
    expect(fonts).toMatch(/Briefmap Hebrew\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(fonts).toMatch(/Briefmap Arabic\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    const title = run("pdftotext", "-l", "1", pdf, "-").split("\n")[0]!;
    // Hebrew: poppler puts right-to-left letters back into reading order.
    expect(title).toContain(hebrew);
    // Arabic is drawn as shaped letters (presentation forms: initial, medial, final), right to left; poppler
    // leaves those in drawing order, so each word read backwards must be the word.
    const shaped = title.match(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g) ?? [];
    expect(shaped).toHaveLength(2);
    expect(shaped.map((w) => [...w].reverse().join("").normalize("NFKC")).sort()).toEqual(arabic.split(" ").sort());
    run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, path.join(OUT, "rtl"));
  });
});

describe("PNG export", () => {
  test("is the sheet at the paper's size times the dpi, with more pixels at 300 than at 150", SLOW, async ({ browser, baseUrl }) => {
    const sizes: Record<number, [number, number]> = {};
    for (const dpi of [150, 300]) {
      const { page } = await openPage(baseUrl, `/print?${VIEW}&paper=a4&orientation=landscape&dpi=${dpi}`, { browser });
      const png = decodePng(readFileSync(await exportFrom(page, "Download PNG", `a4-${dpi}.png`)));
      sizes[dpi] = [png.width, png.height];
      expect(png.width).toBe(Math.round((297 / 25.4) * dpi));
      expect(png.height).toBe(Math.round((210 / 25.4) * dpi));
      // The north arrow's dark triangle in the map's top-right corner.
      const map = sheetLayout("a4", "landscape", true).boxes.map;
      const px = dpi / 25.4;
      const [x, y] = [Math.round((MARGIN_MM + map.x + map.width - 7.5) * px), Math.round((MARGIN_MM + map.y + 10) * px)];
      const i = (y * png.width + x) * 4;
      expect(Math.max(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!), "north arrow").toBeLessThan(80);
      // The map itself is drawn: across its box, neither blank paper nor an empty (black) canvas.
      const samples = [...Array(400).keys()].map((k) => {
        const sx = Math.round((MARGIN_MM + map.x + ((k % 20) + 0.5) * (map.width / 20)) * px);
        const sy = Math.round((MARGIN_MM + map.y + (Math.floor(k / 20) + 0.5) * (map.height / 20)) * px);
        const j = (sy * png.width + sx) * 4;
        return [png.data[j]!, png.data[j + 1]!, png.data[j + 2]!];
      });
      expect(samples.filter((c) => c.every((v) => v < 10)).length, "black map").toBeLessThan(40);
      expect(samples.filter((c) => c.every((v) => v > 250)).length, "blank map").toBeLessThan(200);
    }
    expect(sizes[300]![0]).toBeGreaterThan(sizes[150]![0] * 1.9);
  });
});

describe("the printed link", () => {
  test("uses BRIEFMAP_PUBLIC_URL, as shared links do", async () => {
    const server = await startNextServer({ distDir: process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test", env: { BRIEFMAP_PUBLIC_URL: "https://brief.example.org/" } });
    try {
      const response = await fetch(`${server.url}/print/model?${VIEW}`);
      const { model } = (await response.json()) as { model: { link: string } };
      expect(model.link).toBe("https://brief.example.org/?map=8/33/35.9&event=paris-talks");
      const html = await (await fetch(`${server.url}/print?${VIEW}`)).text();
      expect(html).toContain("https://brief.example.org/?map=8/33/35.9&amp;event=paris-talks");
    } finally {
      await server.stop();
    }
  });
});
