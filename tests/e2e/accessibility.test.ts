import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

/** Serious and critical violations, one line per failing element, for the assertion message. */
function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`).join("\n")}`)
    .join("\n");
}

/** What has keyboard focus: enough to recognise it and to see whether its focus is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      role: el.getAttribute("role"),
      name: el.getAttribute("aria-label") ?? el.closest("label")?.textContent?.trim() ?? el.textContent?.trim() ?? "",
      eventId: el.closest("#event-list-heading ~ div") ? el.getAttribute("data-event-id") : null,
      inTypeChips: !!el.closest("fieldset"),
      focusVisible: el.matches(":focus-visible"),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

describe("accessibility", () => {
  test.for(["/", "/?event=paris-talks"])("axe finds no serious or critical violation on %s once the map is idle", async (path, { browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, path, { browser });
    await waitForMapIdle(page);
    if (path.includes("event=")) await page.getByTestId("event-card").waitFor();
    const { violations, passes } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.length, describeViolations(serious)).toBe(0);
    // Guard against an analysis that silently checked nothing.
    expect(passes.length).toBeGreaterThan(20);
  });

  test("keyboard: Tab reaches the search box, a type chip and the list, with focus drawn; Enter selects and the card is announced", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await waitForMapIdle(page);

    // The selection is announced: the card is rendered into a polite live region that exists
    // before anything is selected (a region inserted together with its content is not read out).
    const live = page.locator('[aria-live="polite"]').filter({ hasText: "Select an event in the list" });
    expect(await live.count(), "a polite live region holds the selection hint before anything is selected").toBe(1);
    await live.evaluate((el) => el.setAttribute("data-test-live-region", ""));

    const reached: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) continue;
      reached.push(f);
      expect(f.focusVisible, `focus on ${JSON.stringify(f)} is :focus-visible`).toBe(true);
      expect(f.outline.startsWith("none") || f.outline.endsWith(" 0px"), `focus on ${JSON.stringify(f)} draws an outline`).toBe(false);
      if (f.eventId) break;
    }
    const order = reached.map((f) => `${f.tag}${f.type ? `[${f.type}]` : ""} ${f.name.slice(0, 30)}`);
    const search = reached.findIndex((f) => f.tag === "input" && f.type === "search");
    const chip = reached.findIndex((f) => f.inTypeChips && f.type === "checkbox");
    const item = reached.findIndex((f) => f.eventId !== null);
    expect(search, `search box in tab order: ${order.join(" → ")}`).toBeGreaterThanOrEqual(0);
    expect(chip, `a type chip after the search box: ${order.join(" → ")}`).toBeGreaterThan(search);
    expect(item, `an event in the list after the chips: ${order.join(" → ")}`).toBeGreaterThan(chip);

    // Enter on the focused list item selects its event.
    const id = reached[item]!.eventId!;
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("event"), { timeout: 10_000 }).toBe(id);
    const card = page.getByTestId("event-card");
    await expect.poll(() => card.getAttribute("data-event-id"), { timeout: 10_000 }).toBe(id);
    const title = (await page.locator("#event-card-title").textContent()) ?? "";
    expect(title.length).toBeGreaterThan(0);
    expect(await page.locator(`#event-list-heading ~ div button[data-event-id="${id}"]`).getAttribute("aria-pressed")).toBe("true");

    // …and announced: the card is now inside the live region that was there before.
    const region = page.locator("[data-test-live-region]");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    expect(await region.locator("#event-card-title").count()).toBe(1);
    expect(await region.textContent()).toContain(title);
    // Focus stays where the analyst was.
    expect((await focused(page))?.eventId).toBe(id);
    expect(problems.pageErrors).toEqual([]);
  });
});
