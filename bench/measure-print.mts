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
      /** The peer printing a page the size of Briefmap's map frame: equal pixels, the goal's comparison. */
      peer: PeerResult;
      /** The peer printing its whole A4 landscape page as a map (more pixels than Briefmap's framed map). */
      peerA4: PeerResult;
    };

export type PeerResult = { total: Summary; exportOnly: Summary; pixels: string; mm: string; pdfBytes: number; failures: string[] };

const A4_MM: [number, number] = [297, 210];
/** Pixels at 300 dpi of a page `mm` wide and high, as the plugin sizes its canvas. */
const pixelsAt300 = ([w, h]: [number, number]) => `${Math.round((w / 25.4) * 300)}x${Math.round((h / 25.4) * 300)}`;

/**
 * Link → A4 landscape 300 dpi PDF. Briefmap: its print page until `main[data-print-ready="true"]`,
 * then Chromium's page.pdf(). Peer: @watergis/maplibre-gl-export (MapLibre 5) on the same style,
 * data and camera, triggered as its Generate button does, until jsPDF's download arrives.
 */
export async function measurePrint(browser: Browser, o: { appUrl: string; floorUrl: string; query: string; box: { w: number; h: number }; runs: number; peerRuns: number; timeoutMs: number }): Promise<PrintResult> {
  if (!existsSync(join(ROOT, "app/print/page.tsx"))) return { measured: false, reason: "print page not present (app/print/page.tsx)" };
  const app = { total: [] as number[], ready: [] as number[], pixels: "?", dpi: "?", pdfBytes: 0, failures: [] as string[] };
  const peer = newPeerRuns();
  const peerA4 = newPeerRuns();
  for (let run = 0; run < o.runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
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
    // Briefmap's map frame in mm, from its pixels at its dpi: the peer prints a page of that size.
    const [px = 0, py = 0] = app.pixels.split("x").map(Number);
    const dpi = Number(app.dpi);
    if (px > 0 && dpi > 0) await runPeer(browser, o, [(px / dpi) * 25.4, (py / dpi) * 25.4], peer);
    await runPeer(browser, o, A4_MM, peerA4);
  }
  return {
    measured: true,
    app: { total: summarize(app.total), ready: summarize(app.ready), pixels: app.pixels, dpi: app.dpi, pdfBytes: app.pdfBytes, failures: app.failures },
    peer: peerResult(peer),
    peerA4: peerResult(peerA4),
  };
}

type PeerRuns = { total: number[]; exportOnly: number[]; mm: [number, number]; pdfBytes: number; failures: string[] };
const newPeerRuns = (): PeerRuns => ({ total: [], exportOnly: [], mm: [0, 0], pdfBytes: 0, failures: [] });
const peerResult = (r: PeerRuns): PeerResult => ({
  total: summarize(r.total),
  exportOnly: summarize(r.exportOnly),
  pixels: pixelsAt300(r.mm),
  mm: `${r.mm[0].toFixed(1)}×${r.mm[1].toFixed(1)} mm`,
  pdfBytes: r.pdfBytes,
  failures: r.failures,
});

/** One peer export of a `mm`-sized page at 300 dpi, timed from navigation start until jsPDF's download arrives. */
async function runPeer(browser: Browser, o: { floorUrl: string; box: { w: number; h: number }; timeoutMs: number }, mm: [number, number], into: PeerRuns) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
  try {
    const page = await context.newPage();
    const start = Date.now();
    const download = page.waitForEvent("download", { timeout: o.timeoutMs });
    await page.goto(`${o.floorUrl}/export-peer.html?config=open&w=${o.box.w}&h=${o.box.h}&mm=${mm[0].toFixed(2)}x${mm[1].toFixed(2)}`, { waitUntil: "commit" });
    const file = await download;
    const total = Date.now() - start;
    const startedAt = await page.evaluate(() => (window as unknown as { __exportStarted: number }).__exportStarted);
    const navStart = await page.evaluate(() => performance.timeOrigin);
    into.total.push(total);
    into.exportOnly.push(start + total - (navStart + startedAt));
    into.mm = mm;
    into.pdfBytes = statSync(await file.path()).size;
  } catch (error) {
    into.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
  } finally {
    await context.close();
  }
}
