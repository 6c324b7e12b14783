import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ROOT } from "./servers.mjs";
import { summarize, type Summary } from "./stats.mjs";

export type PrintResult =
  | { measured: false; reason: string }
  | {
      measured: true;
      app: { total: Summary; ready: Summary; pixels: string; dpi: string; pdfBytes: number; failures: string[] };
      peer: { total: Summary; exportOnly: Summary; pixels: string; pdfBytes: number; failures: string[] };
    };

/** A4 at 300 dpi as the plugin computes it: 297 × 210 mm → CSS px at 96 dpi × (300 / 96). */
const PEER_PIXELS = `${Math.round((297 / 25.4) * 300)}x${Math.round((210 / 25.4) * 300)}`;

/**
 * Link → A4 landscape 300 dpi PDF. Briefmap: its print page until `main[data-print-ready="true"]`,
 * then Chromium's page.pdf(). Peer: @watergis/maplibre-gl-export (MapLibre 5) on the same style,
 * data and camera, triggered as its Generate button does, until jsPDF's download arrives.
 */
export async function measurePrint(browser: Browser, o: { appUrl: string; floorUrl: string; query: string; box: { w: number; h: number }; runs: number; peerRuns: number; timeoutMs: number }): Promise<PrintResult> {
  if (!existsSync(join(ROOT, "app/print/page.tsx"))) return { measured: false, reason: "print page not present (app/print/page.tsx)" };
  const app = { total: [] as number[], ready: [] as number[], pixels: "?", dpi: "?", pdfBytes: 0, failures: [] as string[] };
  const peer = { total: [] as number[], exportOnly: [] as number[], pdfBytes: 0, failures: [] as string[] };
  for (let run = 0; run < o.runs; run++) {
    let context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${o.appUrl}/print?${o.query}&paper=a4&orientation=landscape&dpi=300`, { waitUntil: "commit" });
      await page.locator('main[data-print-ready="true"]').waitFor({ state: "attached", timeout: o.timeoutMs });
      const ready = Date.now() - start;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      app.total.push(Date.now() - start);
      app.ready.push(ready);
      app.pdfBytes = pdf.length;
      const box = page.locator("[data-map-pixels]").first();
      app.pixels = (await box.getAttribute("data-map-pixels").catch(() => null)) ?? "?";
      app.dpi = (await box.getAttribute("data-map-dpi").catch(() => null)) ?? "?";
    } catch (error) {
      app.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
    } finally {
      await context.close();
    }
    // The peer takes over a minute a run here: --quick leaves it out to stay under two minutes.
    if (run >= o.peerRuns) continue;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
    try {
      const page = await context.newPage();
      const start = Date.now();
      const download = page.waitForEvent("download", { timeout: o.timeoutMs });
      await page.goto(`${o.floorUrl}/export-peer.html?config=open&w=${o.box.w}&h=${o.box.h}`, { waitUntil: "commit" });
      const file = await download;
      const total = Date.now() - start;
      const startedAt = await page.evaluate(() => (window as unknown as { __exportStarted: number }).__exportStarted);
      const navStart = await page.evaluate(() => performance.timeOrigin);
      peer.total.push(total);
      peer.exportOnly.push(start + total - (navStart + startedAt));
      peer.pdfBytes = statSync(await file.path()).size;
    } catch (error) {
      peer.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
    } finally {
      await context.close();
    }
  }
  return {
    measured: true,
    app: { total: summarize(app.total), ready: summarize(app.ready), pixels: app.pixels, dpi: app.dpi, pdfBytes: app.pdfBytes, failures: app.failures },
    peer: { total: summarize(peer.total), exportOnly: summarize(peer.exportOnly), pixels: PEER_PIXELS, pdfBytes: peer.pdfBytes, failures: peer.failures },
  };
}
