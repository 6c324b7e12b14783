// Prints a Briefmap view to PDF or PNG through the app's /print page in headless Chromium.
//   npm run snapshot -- --url "<view link>" --out brief.pdf [--paper a4|a3|letter]
//        [--orientation portrait|landscape] [--dpi 150|300] [--title "…"] [--list 0|1] [--timeout 60]
// Exit code 2 for anything the caller can fix (bad link, app not running, no browser, page not ready).
import { statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { printUrlFor, UsageError } from "../lib/print/print-url";
import { findChromium, launchChromium } from "./chromium";

class Failure extends Error {}

const USAGE = 'usage: npm run snapshot -- --url "<view link>" --out brief.pdf|brief.png [--paper a4|a3|letter] [--orientation portrait|landscape] [--dpi 150|300] [--title "…"] [--list 0|1] [--timeout SECONDS]';

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: "string" },
        out: { type: "string" },
        paper: { type: "string" },
        orientation: { type: "string" },
        dpi: { type: "string" },
        title: { type: "string" },
        list: { type: "string" },
        timeout: { type: "string", default: "60" },
      },
      strict: true,
    });
    if (!values.url || !values.out) throw new UsageError("--url and --out are required.");
    const format = extname(values.out).toLowerCase();
    if (format !== ".pdf" && format !== ".png") throw new UsageError(`--out must end in .pdf or .png, not ${JSON.stringify(values.out)}`);
    const timeoutS = Number(values.timeout);
    if (!(timeoutS > 0)) throw new UsageError(`--timeout must be a number of seconds, not ${JSON.stringify(values.timeout)}`);
    const printUrl = printUrlFor(values.url, values);
    return { printUrl, out: resolve(values.out), format, timeoutMs: timeoutS * 1000 };
  } catch (error) {
    throw new Failure(`${(error as Error).message}\n${USAGE}`);
  }
}

/** Fails fast and says which URL when nothing answers, instead of a browser error page in the PDF. */
async function checkReachable(url: URL): Promise<void> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    if (!response.ok) throw new Failure(`${url.href} answered HTTP ${response.status}; is this a Briefmap server?`);
  } catch (error) {
    if (error instanceof Failure) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new Failure(
      `Cannot reach Briefmap at ${url.origin} (${cause === "ECONNREFUSED" ? "connection refused" : cause}). ` +
        "Is the app running? Start it with `npm run build && npm start`, or fix the link's host and port.",
    );
  }
}

function launch(): Promise<Browser> {
  try {
    findChromium();
  } catch (error) {
    throw new Failure((error as Error).message);
  }
  return launchChromium();
}

async function main(): Promise<void> {
  const started = Date.now();
  const { printUrl, out, format, timeoutMs } = readArgs();
  await checkReachable(printUrl);
  const browser = await launch();
  try {
    const dpi = Number(printUrl.searchParams.get("dpi")) || 150;
    // For PNG the screenshot's device pixels per CSS px give the sheet the map's resolution.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1200 }, deviceScaleFactor: format === ".png" ? dpi / 96 : 1 });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") console.error(`[page] ${m.text()}`);
    });
    await page.goto(printUrl.href, { waitUntil: "load", timeout: timeoutMs });
    const settled = page.locator('main[data-print-ready="true"], main[data-print-error]');
    try {
      await settled.first().waitFor({ state: "attached", timeout: Math.max(1000, timeoutMs - (Date.now() - started)) });
    } catch {
      throw new Failure(`The print page was not ready within ${timeoutMs / 1000} s: ${printUrl.href} (raise --timeout, or open it in a browser to see why).`);
    }
    const error = await page.locator("main").first().getAttribute("data-print-error");
    if (error) throw new Failure(`The print page could not draw the map: ${error}`);
    if (format === ".pdf") {
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    } else {
      await page.emulateMedia({ media: "print" });
      await page.locator("[data-sheet]").screenshot({ path: out, type: "png" });
    }
    const kb = Math.round(statSync(out).size / 1024);
    console.log(`Wrote ${out} (${kb} KB) from ${printUrl.href} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof Failure) {
    console.error(`snapshot: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error("snapshot: unexpected failure", error);
    process.exitCode = 1;
  }
});
