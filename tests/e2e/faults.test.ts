import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { blend, type CanvasColours } from "./harness/colours";
import { canvasColours, openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

/** Parts of the system fail; the rest of the page keeps working and says what is going on. */

function asSuwaydaPixels(colours: CanvasColours): number {
  const { color, fillOpacity } = JSON.parse(readFileSync(new URL("../../data/geo/as-suwayda.layer.json", import.meta.url), "utf8")).style;
  const candidates = [color, ...colours.topColours(4).map((c) => blend(color, c.hex, fillOpacity))];
  return Math.max(...candidates.map((hex) => colours.count(hex, { tolerance: 4, solid: true })));
}

const status = (page: Page) => page.locator('[data-testid="view-status"]').innerText();
const eventCount = (page: Page) => page.locator('[data-testid="event-count"]').innerText();

describe("faults", () => {
  test("basemap assets fail: overlays and events still render", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "about:blank", { browser });
    let aborted = 0;
    await page.route("**/basemap/**", (route) => {
      aborted++;
      return route.abort("failed");
    });
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    // With the basemap's sources failing, MapLibre may never reach `idle`: fall back to a settle time.
    await waitForMapIdle(page, { timeoutMs: 20_000 }).catch(() => page.waitForTimeout(3_000));
    expect(aborted, "the basemap was requested (and refused)").toBeGreaterThan(0);

    const colours = await canvasColours(page);
    expect(asSuwaydaPixels(colours), `As-Suwayda not drawn without a basemap; colours ${JSON.stringify(colours.topColours(8))}`).toBeGreaterThanOrEqual(500);
    expect(Number((await eventCount(page)).split(" ")[0])).toBeGreaterThan(0);
    expect(await page.locator("button[data-event-id]").count()).toBeGreaterThan(0);
    expect(problems.pageErrors).toEqual([]);
    await expect.poll(() => page.getByTestId("map-notice").textContent()).toMatch(/basemap could not be loaded/);
  });

  test("the events API fails for a moment: the list keeps what it had, the status says it is retrying, then recovers", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await page.locator("button[data-event-id]").first().waitFor();
    const before = await eventCount(page);
    const idsBefore = await page.locator("button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));

    let failures = 0;
    await page.route((url) => url.pathname.startsWith("/api/events"), (route) => {
      if (failures < 2) {
        failures++;
        return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { message: "service unavailable (injected)" } }) });
      }
      return route.continue();
    });
    await page.locator('input[type="search"]').fill("druze");

    await expect.poll(() => status(page), { timeout: 10_000 }).toMatch(/retrying/i);
    // While failing, the list is the one it had.
    expect(await eventCount(page)).toBe(before);
    expect(await page.locator("button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")))).toEqual(idsBefore);

    // SWR retries with backoff (errorRetryInterval 2 s, doubling, jittered): two failures pass within ~20 s.
    await expect.poll(() => eventCount(page), { timeout: 30_000, interval: 250 }).not.toBe(before);
    expect(failures).toBe(2);
    await expect.poll(() => status(page), { timeout: 5_000 }).not.toMatch(/retrying/i);
    const after = await page.locator("button[data-event-id]").count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(idsBefore.length);
    expect(problems.pageErrors).toEqual([]);
  });

  test("an exception inside the map (no WebGL): the rest of the page still works", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "about:blank", { browser });
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) throw new Error("WebGL is broken (injected by faults.test.ts)");
        return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page.waitForTimeout(1_500); // let MapLibre try and fail

    // The failure is contained: no uncaught error, the list, the card, the article and filters work.
    expect(problems.pageErrors).toEqual([]);
    const first = page.locator("button[data-event-id]").first();
    const id = await first.getAttribute("data-event-id");
    await first.click();
    await expect.poll(() => page.locator(`button[data-event-id="${id}"]`).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.url()).toContain(`event=${id}`);
    const total = await page.locator("button[data-event-id]").count();
    await page.locator('input[type="search"]').fill("druze");
    await expect.poll(() => page.locator("button[data-event-id]").count(), { timeout: 10_000 }).toBeLessThan(total);

    // The map's error boundary says the failure in the map's place, with a way to retry.
    const boundary = page.locator('[data-testid="error-boundary"]');
    await expect.poll(() => boundary.count(), { timeout: 5_000, message: "the map's failure is shown by its error boundary" }).toBe(1);
    expect(await boundary.innerText()).toMatch(/The map failed: .*Reload the map/s);
  });
});
