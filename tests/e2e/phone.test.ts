import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 2560, height: 1440 };
const LIST_ITEM = "#event-list-heading ~ div button[data-event-id]";

/** Elements that stick out past the right edge of the window: what causes a sideways scroll. */
function overflowing(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 10)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`),
  );
}

/** Where an element is relative to the window, after the page scrolled it into view. */
async function inView(page: Page, selector: string) {
  const locator = page.locator(selector).first();
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height, visible: el.checkVisibility() };
  });
}

describe("small and large screens", () => {
  test("a 390x844 phone: no sideways scroll, the map first under a compact header, panels by tabs, a pick in the list shows its card", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser, viewport: PHONE });
    await waitForMapIdle(page);

    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(scrollWidth, `sideways scroll; wider than the window: ${(await overflowing(page)).join(", ")}`).toBeLessThanOrEqual(PHONE.width);

    // The map is visible on opening, full width and tall enough to read.
    const map = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    expect(map.height).toBeGreaterThan(200);
    expect(map.width).toBeGreaterThan(PHONE.width - 2);
    expect(map.y, "the map starts within the first screen").toBeLessThan(PHONE.height / 2);

    // A compact header: at most ~15 % of the screen, its buttons clear of the filters.
    const header = (await page.locator("header").first().boundingBox())!;
    expect(header.height, "header height").toBeLessThanOrEqual(PHONE.height * 0.15);
    // The credits fold behind MapLibre's button instead of covering the map's bottom.
    const credits = page.locator(".maplibregl-ctrl-attrib.maplibregl-compact");
    expect(await credits.count()).toBe(1);
    expect((await credits.boundingBox())!.height, "the credits start folded").toBeLessThan(40);

    // The filters open below the header's buttons, never under them.
    await page.getByRole("button", { name: /^Filters/ }).click();
    const chips = await page.locator("fieldset label").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(chips.length).toBeGreaterThan(0);
    for (const name of ["Copy link", "Print / export…"]) {
      const button = (await page.getByRole("button", { name }).boundingBox())!;
      for (const chip of chips) {
        const overlaps = button.x < chip.right && chip.left < button.x + button.width && button.y < chip.bottom && chip.top < button.y + button.height;
        expect(overlaps, `${name} overlaps a type chip`).toBe(false);
      }
    }
    await page.getByRole("button", { name: /^Filters/ }).click();

    // Below the map and the timeline, one panel at a time: events, the event with its article, layers.
    const panels: [string, string[]][] = [
      ["events", ["#event-list-heading", LIST_ITEM]],
      ["event", ["#article-title", "mark[data-events]"]],
      ["layers", ["#layers-heading"]],
    ];
    for (const [tab, selectors] of panels) {
      await page.locator(`[data-panel-tab="${tab}"]`).click();
      for (const selector of [...selectors, '[data-testid="timeline"] svg']) {
        const box = await inView(page, selector);
        expect(box.visible, `${selector} is visible`).toBe(true);
        expect(box.left, `${selector} starts inside the window`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${selector} ends inside the window`).toBeLessThanOrEqual(PHONE.width);
        expect(box.top, `${selector} can be scrolled into view`).toBeGreaterThanOrEqual(-1);
        expect(box.bottom, `${selector} can be scrolled into view`).toBeLessThanOrEqual(PHONE.height + 1);
      }
    }

    // A tap in the list selects the event and brings its card into view.
    await page.locator('[data-panel-tab="events"]').click();
    const item = page.locator(`${LIST_ITEM}[data-event-id="israel-strikes-as-suwayda"]`);
    await item.click();
    await expect.poll(() => page.getByTestId("event-card").getAttribute("data-event-id"), { timeout: 10_000 }).toBe("israel-strikes-as-suwayda");
    const titleInView = () =>
      page.locator("#event-card-title").evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect.poll(titleInView, { timeout: 5_000, message: "the card's title is scrolled into view" }).toBe(true);
    expect(await page.locator("#event-card-title").textContent()).toBe("Israel strikes Syrian forces in As-Suwayda");
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(problems.pageErrors).toEqual([]);
  });

  test("a link to one event opens a phone on that event's card", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/?event=israel-strikes-as-suwayda", { browser, viewport: PHONE });
    await expect.poll(() => page.locator('[data-panel-tab="event"]').getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");
    await expect.poll(() => page.locator("#event-card-title").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator("#event-card-title").textContent()).toBe("Israel strikes Syrian forces in As-Suwayda");
    expect(problems.pageErrors).toEqual([]);
  });

  test("a 2560x1440 screen: the map takes the room", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser, viewport: WIDE });
    await waitForMapIdle(page);
    const map = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    expect(map.width).toBeGreaterThan(1200);
    expect(map.height).toBeGreaterThan(900);
    // One screen: no page scroll either way, the panels scroll inside themselves.
    const scroll = await page.evaluate(() => [document.scrollingElement!.scrollWidth, document.scrollingElement!.scrollHeight]);
    expect(scroll).toEqual([WIDE.width, WIDE.height]);
    // List, map and article side by side, the timeline under the map.
    const list = (await page.locator("#event-list-heading").boundingBox())!;
    const article = (await page.locator("#article-title").boundingBox())!;
    const timeline = (await page.getByTestId("timeline").boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(map.x);
    expect(article.x).toBeGreaterThanOrEqual(map.x + map.width);
    expect(timeline.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(timeline.width).toBeGreaterThan(1200);
    expect(problems.pageErrors).toEqual([]);
  });
});
