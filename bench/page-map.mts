import { get as httpGet } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { decodePng } from "../tests/e2e/harness/png";

/** Records when `[data-map-idle]` last turned "true" (performance.now(), ms since navigation start). */
const IDLE_RECORDER = () => {
  const w = window as unknown as { __idle: { last: number | null; changes: number } };
  w.__idle = { last: null, changes: 0 };
  new MutationObserver((records) => {
    for (const r of records) {
      const value = (r.target as Element).getAttribute("data-map-idle");
      w.__idle.changes++;
      w.__idle.last = value === "true" ? performance.now() : null;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-map-idle"] });
};

/**
 * One response the page received, workers' included (Playwright reports a dedicated worker's fetches
 * on its page). `endAt`: when its last byte arrived, ms since navigation start.
 */
export type Transfer = { url: string; bytes: number; encoding: string; type: string; endAt: number };

export type Opened = { page: Page; idleAt: number; transfers: Transfer[] };

/**
 * Opens `url` in a fresh page and waits until the map is idle for good: `data-map-idle="true"`
 * with no change and no request in flight for `quietMs`. The time reported is when it last turned
 * "true", so the quiet wait itself is not measured.
 */
export async function openMap(context: BrowserContext, url: string, { timeoutMs = 60_000, quietMs = 400 } = {}): Promise<Opened> {
  const page = await context.newPage();
  await page.addInitScript(IDLE_RECORDER);
  let inFlight = 0;
  page.on("request", () => inFlight++);
  page.on("requestfailed", () => inFlight--);
  const received: { transfer: Omit<Transfer, "endAt">; endEpoch: number }[] = [];
  page.on("requestfinished", (request) => {
    inFlight--;
    void (async () => {
      const response = await request.response();
      const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
      const timing = request.timing();
      const encoding = (await response?.headerValue("content-encoding")) ?? "";
      // A module worker's own script reports no body size; count what the server sends for it.
      const bytes = sizes.responseBodySize || (request.resourceType() === "script" ? await wireBytes(request.url()) : 0);
      received.push({ transfer: { url: request.url(), bytes, encoding, type: request.resourceType() }, endEpoch: timing.startTime + timing.responseEnd });
    })();
  });
  await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let stableSince = 0;
  let last: number | null = null;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`map at ${url} not idle within ${timeoutMs} ms`);
    const state = await page.evaluate(() => (window as unknown as { __idle?: { last: number | null } }).__idle?.last ?? null).catch(() => null);
    if (state !== null && state === last && inFlight <= 0) {
      if (!stableSince) stableSince = Date.now();
      if (Date.now() - stableSince >= quietMs) break;
    } else {
      stableSince = 0;
      last = state;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const transfers = received.map(({ transfer, endEpoch }) => ({ ...transfer, endAt: endEpoch - timeOrigin }));
  return { page, idleAt: last!, transfers };
}

/** Bytes the server sends for `url` to a client that accepts gzip (the body as it crosses the wire). */
function wireBytes(url: string): Promise<number> {
  return new Promise((done) => {
    const request = httpGet(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => done(bytes));
      response.on("error", () => done(0));
    });
    request.on("error", () => done(0));
  });
}

/** Pixels of a colour (±12 per channel) on the map canvas: evidence the highlight is drawn. */
export async function colourPixels(page: Page, hex: string): Promise<number> {
  const png = await page.locator("canvas.maplibregl-canvas").first().screenshot({ type: "png" });
  const image = decodePng(png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (Math.abs(image.data[i]! - r) <= 12 && Math.abs(image.data[i + 1]! - g) <= 12 && Math.abs(image.data[i + 2]! - b) <= 12) count++;
  }
  return count;
}

/** The map box's size, so that the floor draws the same number of pixels as Briefmap. */
export async function mapBox(page: Page): Promise<{ w: number; h: number }> {
  const box = await page.locator("[data-map-idle]").first().boundingBox();
  if (!box) throw new Error("no map box");
  return { w: Math.round(box.width), h: Math.round(box.height) };
}

/**
 * Drags the map back and forth for `ms` and returns requestAnimationFrame deltas (ms). The drag
 * is paced by wall time, so both pages get the same gesture.
 */
export async function panFrameTimes(page: Page, ms = 3000): Promise<number[]> {
  const box = await page.locator("canvas.maplibregl-canvas").first().boundingBox();
  if (!box) throw new Error("no canvas");
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // tsx compiles functions with esbuild's keepNames, whose `__name` helper does not exist in the page.
  await page.evaluate("window.__name = (f) => f");
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let previous = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - previous);
      previous = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      previous = now;
      requestAnimationFrame(tick);
    });
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  while (Date.now() - start < ms) {
    const t = (Date.now() - start) / 1500;
    await page.mouse.move(cx + 220 * Math.sin(2 * Math.PI * t), cy + 120 * Math.sin(4 * Math.PI * t));
    await new Promise((r) => setTimeout(r, 16));
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}
