import type { Browser, Page } from "playwright-core";
import { CHROMIUM_FLAGS, findChromium, launchChromium } from "../../../scripts/chromium";
import { CanvasColours } from "./colours";
import { decodePng } from "./png";

// Finding and starting Chromium is shared with the scripts (snapshot CLI, benchmarks): scripts/chromium.ts.
export { CHROMIUM_FLAGS, findChromium };

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Runs `fn` with a fresh browser and closes it afterwards, also when `fn` throws. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** What went wrong while the page ran; every list should be empty for a healthy, offline page. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Network failures and HTTP responses >= 400, as "METHOD url: reason". */
  failedRequests: string[];
  /** Requests to anything but this machine; they are aborted, the app must work offline. */
  externalRequests: string[];
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

export interface OpenPageOptions {
  /** Browser to open the page in; without one, a browser is launched and closed when the test ends. */
  browser?: Browser;
  viewport?: { width: number; height: number };
  /** Headers sent with every request of the page from the first on, e.g. a writer's Authorization. */
  headers?: Record<string, string>;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isExternal(url: string | URL): boolean {
  const { protocol, hostname } = new URL(url);
  return (protocol === "http:" || protocol === "https:" || protocol === "ws:" || protocol === "wss:") && !LOCAL_HOSTS.has(hostname);
}

/**
 * Opens `baseUrl + path` in a new page, recording problems from the first request on.
 * Without `options.browser` it must be called inside a test (it uses `onTestFinished` to clean up).
 */
export async function openPage(baseUrl: string, path: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  let browser = options.browser;
  if (!browser) {
    // Imported here so the rest of this module also works in plain node scripts (benchmarks).
    const { onTestFinished } = await import("vitest");
    const launched = await launchBrowser();
    onTestFinished(() => launched.close());
    browser = launched;
  }
  // deviceScaleFactor 1: one screenshot pixel per CSS pixel keeps pixel counts predictable.
  const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT, deviceScaleFactor: 1 });
  if (options.headers) await context.setExtraHTTPHeaders(options.headers);
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] };

  await context.route(isExternal, (route) => {
    problems.externalRequests.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on("requestfailed", (request) => {
    if (isExternal(request.url())) return; // already listed as external
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });

  await page.goto(new URL(path, baseUrl).href, { waitUntil: "load" });
  return { page, problems };
}

/** Waits for the map component's `data-map-idle="true"` (set on MapLibre's `idle`), bounded. */
export async function waitForMapIdle(page: Page, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
  try {
    await page.locator('[data-map-idle="true"]').first().waitFor({ state: "attached", timeout: timeoutMs });
  } catch {
    const state = await page.evaluate(() => ({
      idleAttributes: [...document.querySelectorAll("[data-map-idle]")].map((el) => el.getAttribute("data-map-idle")),
      canvases: document.querySelectorAll("canvas").length,
      title: document.title,
    }));
    throw new Error(
      `map did not become idle within ${timeoutMs} ms: data-map-idle values ${JSON.stringify(state.idleAttributes)}, ` +
        `${state.canvases} canvas element(s), page title ${JSON.stringify(state.title)}`,
    );
  }
}

/** What sits on top of the map (MapLibre's controls, the app's buttons and legend): hidden while the canvas is captured. */
const MAP_OVERLAYS = ".maplibregl-control-container, [data-map-overlay]";

/** Screenshots the map canvas (as composited on screen, so no preserveDrawingBuffer needed) and decodes it. */
export async function canvasColours(page: Page, selector = "canvas.maplibregl-canvas"): Promise<CanvasColours> {
  const png = await page.locator(selector).first().screenshot({ type: "png", animations: "disabled", timeout: 10_000, style: `${MAP_OVERLAYS} { visibility: hidden !important; }` });
  return new CanvasColours(decodePng(png));
}
