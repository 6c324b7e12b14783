import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { decodePng } from "./harness/png";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

describe("deep links", () => {
  test("a view built by clicking reopens exactly in a fresh browser context", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await waitForMapIdle(page);

    await page.getByRole("searchbox", { name: "Search events" }).fill("druze");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("druze");
    await page.getByRole("checkbox", { name: /Areas of Limitation/ }).check();
    await page.locator('button[data-event-id="israel-strikes-as-suwayda"]').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe("israel-strikes-as-suwayda");
    await waitForMapIdle(page);
    // Let the throttled camera write land before copying.
    await expect.poll(() => new URL(page.url()).searchParams.get("map")).not.toBeNull();

    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.getByTestId("copy-status").textContent()).toMatch(/Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(link.length).toBeLessThan(2000);
    const before = await viewOf(page);
    expect(problems.pageErrors).toEqual([]);

    const fresh = await openPage(baseUrl, link.replace(baseUrl, ""), { browser });
    await waitForMapIdle(fresh.page);
    const after = await viewOf(fresh.page);
    expect(after).toEqual(before);
    expect(after.selectedTitle).toBe("Israel strikes Syrian forces in As-Suwayda");
    expect(after.markedSentence).toMatch(/^Last month, Israel struck Syrian forces in As-Suwayda province/);
    expect(fresh.problems.pageErrors).toEqual([]);
    expect(fresh.problems.consoleErrors).toEqual([]);
  });

  it("the server's HTML for a link already holds the selected event, its sentence and a fitting title", async () => {
    const html = await (await fetch(`${inject("baseUrl")}/?event=paris-talks&map=6/40/20`)).text();
    expect(html).toMatch(/<title>Syrian foreign minister meets Israeli officials in Paris · Briefmap<\/title>/);
    expect(html).toContain('data-testid="event-card"');
    expect(html).toContain("Syria confirmed on Tuesday that its foreign minister met with Israeli officials in Paris");
    expect(html).toMatch(/<meta property="og:image" content="http:\/\/[^"]+\/preview\?map=6\/40\/20&amp;event=paris-talks"/);
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
  });

  test("with JavaScript off, a link still shows the selected event and its marked sentence", async ({ browser, baseUrl }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?event=israel-strikes-as-suwayda`);
    expect(await page.locator("#event-card-title").textContent()).toBe("Israel strikes Syrian forces in As-Suwayda");
    expect(await page.locator('mark[data-selected="true"]').first().textContent()).toMatch(/^Last month, Israel struck Syrian forces/);
    await context.close();
  });

  it("a bad link keeps what it can and says what was ignored", async () => {
    const html = await (await fetch(`${inject("baseUrl")}/?event=no-such-event&types=strike,riot&map=99/0/0&q=druze`)).text();
    expect(html).toContain('data-testid="ignored-notice"');
    expect(html).toMatch(/no such event/);
    expect(html).toMatch(/riot/);
    expect(html).toContain('value="druze"');
  });

  it("the preview route draws a 1200x630 PNG of the view that is not blank", async () => {
    const response = await fetch(`${inject("baseUrl")}/preview?event=paris-talks`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const image = decodePng(new Uint8Array(await response.arrayBuffer()));
    expect([image.width, image.height]).toEqual([1200, 630]);
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4 * 97) colours.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(20);
  });
});

describe("random and hostile links", () => {
  const hostile = ["<script>window.__xss=1</script>", "\"><img src=x onerror=window.__xss=1>", "javascript:window.__xss=1", "%00", "../../etc/passwd", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a".repeat(3000), "1/2/3/4/5/6", "NaN/NaN/NaN", "-0/-0/-0"];
  const value = fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
  const key = fc.constantFrom("map", "layers", "event", "from", "to", "types", "q", "layer", "paper", "x");
  const link = fc.dictionary(key, value, { maxKeys: 5 }).map((d) => `/?${new URLSearchParams(d)}`);

  it("a thousand of them never answer a server error", async () => {
    const links = fc.sample(link, { numRuns: 1000, seed: 20250820 });
    for (let i = 0; i < links.length; i += 10) {
      const statuses = await Promise.all(links.slice(i, i + 10).map(async (l) => [l, (await fetch(`${inject("baseUrl")}${l}`)).status] as const));
      for (const [l, status] of statuses) expect(status, l).toBeLessThan(500);
    }
  });

  test("in the browser they never throw an uncaught error", async ({ browser, baseUrl }) => {
    const links = fc.sample(link, { numRuns: 60, seed: 7 });
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await page.addInitScript(() => Object.defineProperty(window, "__xss", { set: () => { throw new Error("XSS executed"); } }));
    for (const l of links) await page.goto(new URL(l, baseUrl).href, { waitUntil: "domcontentloaded" });
    expect(problems.pageErrors).toEqual([]);
  });
});

/** What an analyst sees of the view, read from the page. */
async function viewOf(page: import("playwright-core").Page) {
  const url = new URL(page.url());
  const camera = url.searchParams.get("map")?.split("/").map(Number) ?? [];
  return {
    camera: camera.map((v) => Math.round(v * 10) / 10),
    search: await page.getByRole("searchbox", { name: "Search events" }).inputValue(),
    layers: await page.locator('[data-layer-id] input[type="checkbox"]:checked').evaluateAll((els) => els.map((e) => e.closest("[data-layer-id]")?.getAttribute("data-layer-id"))),
    listed: await page.locator("#event-list-heading ~ div button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id"))),
    selectedTitle: await page.locator("#event-card-title").textContent(),
    markedSentence: (await page.locator('mark[data-selected="true"]').first().textContent()) ?? "",
  };
}
