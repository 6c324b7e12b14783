import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

/**
 * The dashboard as a new analyst uses it (issue 16, items 1-10, 18, 19): each test is one thing
 * that failed when the app was first tried, checked in a real browser.
 */

const DESK = { width: 1440, height: 900 };
const LIST_ITEMS = "#event-list-heading ~ div button[data-event-id]";
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const poll = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 10_000, message });
const listed = (page: Page) => page.locator(LIST_ITEMS).evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id") ?? ""));

type ApiEvent = { id: string; type: string; geoPrecision: string; place: { point: [number, number] } };
async function apiEvents(baseUrl: string): Promise<ApiEvent[]> {
  const body = (await (await fetch(`${baseUrl}/api/events`)).json()) as { features: { properties: ApiEvent }[] };
  return body.features.map((f) => f.properties);
}

/** Whether the element's box lies inside the window. */
const inWindow = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });

/** The map canvas's middle, where a camera's centre is drawn. */
async function mapCentre(page: Page) {
  const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe("the dashboard, as a new analyst uses it", () => {
  test("1: ticking a type keeps the other chips, with what adding each would show; two types show both", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    const events = await apiEvents(baseUrl);
    const of = (type: string) => events.filter((e) => e.type === type).length;
    const chips = page.locator('fieldset label:has(input[type="checkbox"])');
    await chips.first().waitFor();
    const before = await chips.count();
    await page.locator("fieldset label", { hasText: "Strike" }).locator("input").check();
    await poll(() => param(page, "types"), "types in the URL").toBe("strike");
    await poll(() => listed(page).then((ids) => ids.length)).toBe(of("strike"));
    expect(await chips.count(), "every chip stays").toBe(before);
    const statementChip = page.locator("fieldset label", { hasText: "Statement" });
    await poll(() => statementChip.innerText()).toContain(String(of("statement")));
    await statementChip.locator("input").check();
    await poll(() => listed(page).then((ids) => ids.length)).toBe(of("strike") + of("statement"));
    expect(problems.pageErrors).toEqual([]);
  });

  test("2: selecting an event keeps its card in view, with the sentence visible in the article", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    const ids = await listed(page);
    // The last events' sentences are at the end of the article, far below the card.
    for (const id of ids.slice(-2)) {
      await page.locator(`${LIST_ITEMS}[data-event-id="${id}"]`).click();
      await poll(() => page.getByTestId("event-card").getAttribute("data-event-id")).toBe(id);
      await page.waitForTimeout(800); // smooth scrolling
      expect(await inWindow(page, "#event-card-title"), "the card's title is in view").toBe(true);
      expect(await inWindow(page, '[data-testid="event-card"] dt:text-is("When")'), "When is in view").toBe(true);
      expect(await inWindow(page, '[data-testid="event-card"] dt:text-is("Where")'), "Where is in view").toBe(true);
      const sentence = await page.locator(`mark[data-selected="true"]`).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        const region = el.closest('[data-testid="article-region"]')!.getBoundingClientRect();
        return r.top >= region.top - 1 && r.bottom <= region.bottom + 1 && r.bottom <= window.innerHeight;
      });
      expect(sentence, "the marked sentence is visible").toBe(true);
    }
  });

  test("3: a marked sentence is highlighted on every line it runs over", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    const lines = await page.locator("mark[data-events]").evaluateAll((marks) =>
      marks.map((mark) => {
        const range = document.createRange();
        range.selectNodeContents(mark);
        const textLines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        const painted = [...mark.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        const background = getComputedStyle(mark).backgroundColor;
        return { textLines, paintedLines: new Set(painted.map((r) => Math.round(r.top))).size, background };
      }),
    );
    expect(lines.some((l) => l.textLines > 1), "some sentence wraps").toBe(true);
    for (const l of lines) {
      expect(l.paintedLines, "the mark's own boxes cover each line of its text").toBe(l.textLines);
      expect(l.background).not.toBe("rgba(0, 0, 0, 0)");
    }
  });

  test("4: a group of events at one point lists them all, each selectable", async ({ browser, baseUrl }) => {
    const events = await apiEvents(baseUrl);
    const paris = events.filter((e) => e.place.point.join() === events.find((x) => x.id === "paris-talks")!.place.point.join() && ["city", "exact"].includes(e.geoPrecision));
    expect(paris.length, "several located events share Paris's point").toBeGreaterThan(1);
    const [lon, lat] = paris[0]!.place.point;
    const { page, problems } = await openPage(baseUrl, `/?map=12/${lat}/${lon}`, { browser, viewport: DESK });
    await waitForMapIdle(page);
    const { x, y } = await mapCentre(page);
    await page.mouse.click(x, y);
    const list = page.getByTestId("cluster-list");
    await list.waitFor({ timeout: 10_000 });
    const ids = await list.locator("button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));
    expect([...ids].sort()).toEqual(paris.map((e) => e.id).sort());
    const second = ids[1]!;
    await list.locator(`button[data-event-id="${second}"]`).click();
    await poll(() => param(page, "event")).toBe(second);
    expect(problems.pageErrors).toEqual([]);
  });

  test("5: country- and region-level events are drawn apart and explained, never grouped with located ones", async ({ browser, baseUrl }) => {
    const events = await apiEvents(baseUrl);
    const syria = events.find((e) => e.id === "syria-confirms-paris-talks")!;
    const atSyriaPoint = events.filter((e) => e.place.point.join() === syria.place.point.join());
    const [lon, lat] = syria.place.point;
    const { page } = await openPage(baseUrl, `/?map=12/${lat}/${lon}`, { browser, viewport: DESK });
    await waitForMapIdle(page);
    await page.getByTestId("map-legend").locator("summary").click();
    expect(await page.getByTestId("map-legend").innerText()).toMatch(/country or region.*not a location/s);
    const { x, y } = await mapCentre(page);
    await page.mouse.click(x, y);
    const list = page.getByTestId("cluster-list");
    await list.waitFor({ timeout: 10_000 });
    const ids = await list.locator("button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));
    const areaLevel = atSyriaPoint.filter((e) => ["country", "region"].includes(e.geoPrecision)).map((e) => e.id);
    expect([...ids].sort()).toEqual(areaLevel.sort());
  });

  test("6: ignored parameters leave the URL and the fields; no endless retrying; an inverted window is refused aloud", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/?from=2025-08-20&to=2025-08-01&layer=nowhere", { browser, viewport: DESK });
    await page.getByTestId("ignored-notice").waitFor();
    await poll(() => [param(page, "from"), param(page, "to"), param(page, "layer")]).toEqual(["2025-08-20", null, null]);
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("");
    await page.waitForTimeout(2_500);
    expect(await page.getByTestId("view-status").innerText()).not.toMatch(/retrying|could not/i);
    await page.getByRole("button", { name: "Copy link" }).click();
    await poll(() => page.getByTestId("copy-status").innerText()).toMatch(/from=2025-08-20/);
    expect(await page.getByTestId("copy-status").innerText()).not.toMatch(/to=|layer=/);

    const to = page.getByLabel("To", { exact: true });
    await to.fill("1 Aug 2025");
    await to.press("Enter");
    await page.getByTestId("window-refusal").waitFor();
    expect(await page.getByTestId("window-refusal").innerText()).toMatch(/must be on or before/);
    expect(param(page, "to")).toBeNull();
  });

  test("7: zoom buttons, a scale bar, the pointer's coordinates (degrees or MGRS) and fit controls", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    await waitForMapIdle(page);
    expect(await page.locator(".maplibregl-ctrl-zoom-in").count()).toBe(1);
    expect(await page.locator(".maplibregl-ctrl-scale").innerText()).toMatch(/\d+\s*k?m/);
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x + 10, y + 10);
    await page.mouse.move(x, y);
    const readout = page.getByTestId("pointer-coordinates").locator("output");
    await poll(() => readout.innerText()).toMatch(/^\d+\.\d{5}° [NS], \d+\.\d{5}° [EW]$/);
    await page.getByTestId("pointer-coordinates").getByRole("button", { name: "MGRS" }).click();
    await page.mouse.move(x + 5, y);
    await poll(() => readout.innerText()).toMatch(/^\d{1,2}[A-Z] [A-Z]{2} \d{5} \d{5}$/);

    const zoomBefore = Number((await page.locator("[data-event-count]").getAttribute("data-camera"))?.split("/")[0] ?? "0");
    await page.locator(".maplibregl-ctrl-zoom-in").click();
    await poll(() => page.locator("[data-event-count]").getAttribute("data-camera").then((c) => Number(c?.split("/")[0]))).toBeGreaterThan(zoomBefore);
    await page.locator(`${LIST_ITEMS}[data-event-id="paris-talks"]`).click();
    await page.waitForTimeout(1500);
    await page.mouse.move(x, y);
    await page.locator(".maplibregl-ctrl-zoom-out").click();
    await page.locator(".maplibregl-ctrl-zoom-out").click();
    await page.waitForTimeout(800);
    const zoomedOut = await page.locator("[data-event-count]").getAttribute("data-camera");
    await page.getByRole("button", { name: "Fit selection" }).click();
    await poll(() => page.locator("[data-event-count]").getAttribute("data-camera")).not.toBe(zoomedOut);
    await page.getByRole("button", { name: "Fit filter" }).click();
    await page.waitForTimeout(1500);
    expect(problems.pageErrors).toEqual([]);
  });

  test("8: skip links, arrow keys in the list, Escape closes the card, N steps through the map's events", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    await waitForMapIdle(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the map");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("map");
    await page.keyboard.press("n");
    await poll(() => param(page, "event"), "N selects an event drawn on the map").not.toBeNull();
    const first = param(page, "event");
    await page.keyboard.press("n");
    await poll(() => param(page, "event")).not.toBe(first);
    await page.keyboard.press("Escape");
    await poll(() => param(page, "event"), "Escape closes the card").toBeNull();

    const ids = await listed(page);
    await page.locator(`${LIST_ITEMS}[data-event-id="${ids[0]}"]`).focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"))).toBe(ids[1]);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-event-id"))).toBe(ids.at(-1));
    await page.keyboard.press("Enter");
    await poll(() => param(page, "event")).toBe(ids.at(-1));
    for (const [name, target] of [["Skip to the event list", "event-list-heading"], ["Skip to the selected event", "selected-event"], ["Skip to the article", "article-title"]] as const) {
      await page.getByRole("link", { name }).focus();
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id), name).toBe(target);
    }
  });

  test("10: days read 20 Aug 2025 in the fields too, and typed that way they apply", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/?from=2025-08-01", { browser, viewport: DESK });
    const from = page.getByLabel("From", { exact: true });
    expect(await from.inputValue()).toBe("1 Aug 2025");
    await from.fill("15 July 2025");
    await from.press("Enter");
    await poll(() => param(page, "from")).toBe("2025-07-15");
    expect(await from.inputValue()).toBe("15 Jul 2025");
    await from.fill("07/15/2025");
    await from.press("Enter");
    expect(await page.locator('[role="alert"]').first().innerText()).toMatch(/Write a day like/);
    expect(param(page, "from")).toBe("2025-07-15");
  });

  test("18: Back and Forward move the camera; Copy link names the camera on screen; a picked feature is in the URL", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/?map=7/33/36", { browser, viewport: DESK });
    await waitForMapIdle(page);
    const camera = () => page.locator("[data-event-count]").getAttribute("data-camera");
    await page.locator(`${LIST_ITEMS}[data-event-id="paris-talks"]`).click();
    await poll(() => camera()).not.toBeNull();
    await poll(() => param(page, "map")).not.toBe("7/33/36");
    await page.goBack();
    await poll(() => param(page, "event")).toBeNull();
    await poll(() => camera(), "Back moved the map").toBe("7/33/36");
    await page.getByRole("button", { name: "Copy link" }).click();
    await poll(() => page.getByTestId("copy-status").innerText()).toMatch(/map=7\/33\/36/);

    await page.goto(`${baseUrl}/?feature=paris/paris`);
    await poll(() => page.getByTestId("feature-events").locator("h2").innerText()).toBe("Paris");
    await page.getByRole("button", { name: "Close events of Paris" }).click();
    await poll(() => param(page, "feature")).toBeNull();
  });

  test("19: hovering an event re-renders what shows the hover, not the dashboard", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "about:blank", { browser, viewport: DESK });
    await page.addInitScript(() => Object.assign(window, { __briefmapRenders: {} }));
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await waitForMapIdle(page);
    await page.evaluate(() => Object.assign(window, { __briefmapRenders: {} }));
    const items = page.locator(LIST_ITEMS);
    for (let i = 0; i < 4; i++) await items.nth(i).hover();
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    const renders = await page.evaluate(() => (window as unknown as { __briefmapRenders: Record<string, number> }).__briefmapRenders);
    expect(renders["event-list"] ?? 0, "the list shows the hover").toBeGreaterThan(0);
    expect(renders.dashboard ?? 0, "the dashboard body does not re-render on hover").toBe(0);
    expect(renders["map-area"] ?? 0).toBeGreaterThan(0);
  });
});

describe("one name per place", () => {
  test("11: an event at a layer's feature shows that feature's name in the list and the card", async ({ browser, baseUrl }) => {
    type Feature = { id: string; properties: Record<string, unknown> };
    const layers = (await (await fetch(`${baseUrl}/api/layers`)).json()) as { layers?: { id: string; labelProperty?: string }[] } | { id: string; labelProperty?: string }[];
    const list = Array.isArray(layers) ? layers : (layers.layers ?? []);
    const names = new Map<string, string>();
    for (const layer of list) {
      const body = (await (await fetch(`${baseUrl}/api/layers/${layer.id}`)).json()) as { features: Feature[] };
      for (const f of body.features) names.set(`${layer.id}/${f.id}`, String(f.properties[layer.labelProperty ?? "name"] ?? f.properties.name));
    }
    const body = (await (await fetch(`${baseUrl}/api/events`)).json()) as { features: { properties: { id: string; place: { layer?: string; feature?: string } } }[] };
    const atFeatures = body.features.map((f) => f.properties).filter((e) => e.place.layer && e.place.feature);
    expect(atFeatures.length).toBeGreaterThan(0);
    const { page } = await openPage(baseUrl, "/", { browser, viewport: DESK });
    for (const e of atFeatures) {
      const name = names.get(`${e.place.layer}/${e.place.feature}`);
      expect(name, `${e.id}'s feature exists`).toBeDefined();
      expect(await page.locator(`${LIST_ITEMS}[data-event-id="${e.id}"]`).innerText(), e.id).toContain(name!);
    }
  });
});
