import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { canvasColours, openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";

/**
 * Every view of the dashboard is linked to the others: a selection, a hover or a filter made in one
 * shows in all of them. Each test goes one direction; the last ones answer the questions the app
 * was built for, from the page alone.
 */

/** The colour of the arcs from where an event happened to what it is about (LINK in lib/map/selection-layers.ts). */
const ARC = "#c2185b";
const PARIS = { lon: 2.35, lat: 48.86 };
const GOLAN = { lon: 35.85, lat: 33.08 };
/** As-Suwayda's representative point, where its events sit (GET /api/events). */
const AS_SUWAYDA_MARKER = { lon: 36.911, lat: 32.755 };
/** A camera where the middle of the map is inside As-Suwayda governorate, ~60 px from any marker or place. */
const AS_SUWAYDA_CAMERA = { zoom: 8, lat: 32.5, lon: 36.75 };
const AS_SUWAYDA_EVENTS = ["as-suwayda-fighting", "druze-demonstrations", "israel-strikes-as-suwayda"];

const LIST_ITEMS = "#event-list-heading ~ div button[data-event-id]";
const TIMELINE_MARKS = '[data-testid="timeline"] [data-event-id]';

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
/** URL writes are debounced or throttled and lists are fetched: give each poll a few seconds. */
const poll = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 10_000, message });

/** Ids listed in the event list, the timeline and the article's active marks, and the list's count. */
async function linkedViews(page: Page) {
  const count = (await page.getByTestId("event-count").textContent()) ?? "";
  const list = await page.locator(LIST_ITEMS).evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id") ?? ""));
  const timeline = await page.locator(TIMELINE_MARKS).evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id") ?? ""));
  const article = await page.locator("mark[data-events]").evaluateAll((els) => els.flatMap((e) => (e.getAttribute("data-events") ?? "").split(" ")));
  const onMap = Number(await page.locator("[data-event-count]").getAttribute("data-event-count"));
  return {
    counted: Number.parseInt(count, 10),
    onMap,
    list: [...list].sort(),
    timeline: [...timeline].sort(),
    article: [...new Set(article)].sort(),
  };
}

type Views = Awaited<ReturnType<typeof linkedViews>>;
const agree = (v: Views) => v.list.length > 0 && v.counted === v.list.length && v.onMap === v.list.length && v.list.join() === v.timeline.join() && v.list.join() === v.article.join();

/** Waits until the list, timeline and article name the same events and the count says how many; returns them. */
async function expectViewsAgree(page: Page): Promise<string[]> {
  await poll(() => linkedViews(page), "list, timeline and article name the same events").toSatisfy(agree);
  return (await linkedViews(page)).list;
}

/** Web Mercator pixel position at `zoom` (MapLibre's 512 px world). */
function project({ lon, lat }: { lon: number; lat: number }, zoom: number): { x: number; y: number } {
  const world = 512 * 2 ** zoom;
  const rad = (lat * Math.PI) / 180;
  return { x: ((lon + 180) / 360) * world, y: ((1 - Math.log(Math.tan(Math.PI / 4 + rad / 2)) / Math.PI) / 2) * world };
}

/** Whether the camera written in the URL shows `place` on a map of `width`×`height` CSS pixels. */
function cameraShows(camera: string, place: { lon: number; lat: number }, width: number, height: number): boolean {
  const [zoom, lat, lon] = camera.split("/").map(Number) as [number, number, number];
  const centre = project({ lon, lat }, zoom);
  const p = project(place, zoom);
  return Math.abs(p.x - centre.x) <= width / 2 && Math.abs(p.y - centre.y) <= height / 2;
}

/** The event card's fields as "term: text" pairs, e.g. { Where: "Paris…" }. */
async function cardFields(page: Page): Promise<Record<string, string>> {
  return page.getByTestId("event-card").locator("dl").evaluate((dl) => {
    const fields: Record<string, string> = {};
    for (const dt of dl.querySelectorAll("dt")) fields[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
    return fields;
  });
}

describe("linked views: a selection or filter made in one shows in all", () => {
  test("list → everything: the camera frames Paris and the Golan, the card, the sentence and the arc show the event", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await waitForMapIdle(page);
    const before = { camera: param(page, "map"), arc: (await canvasColours(page)).count(ARC, { tolerance: 30 }) };
    expect(before.arc, "no arc is drawn before anything is selected").toBeLessThan(20);

    await page.locator(`${LIST_ITEMS}[data-event-id="paris-talks"]`).click();

    await poll(() => param(page, "event")).toBe("paris-talks");
    await poll(() => param(page, "map")).not.toBe(before.camera);
    await waitForMapIdle(page);
    const map = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    // The camera write is throttled: wait for the one written after the flight ended.
    const showsBoth = (camera: string | null) => !!camera && cameraShows(camera, PARIS, map.width, map.height) && cameraShows(camera, GOLAN, map.width, map.height);
    await poll(() => param(page, "map"), `the camera shows Paris and the Golan on a ${map.width}x${map.height} map`).toSatisfy(showsBoth);
    const [zoom, lat, lon] = param(page, "map")!.split("/").map(Number) as [number, number, number];
    expect(zoom).toBeLessThan(5);
    expect(lon).toBeGreaterThan(PARIS.lon);
    expect(lon).toBeLessThan(GOLAN.lon);
    expect(lat).toBeGreaterThan(GOLAN.lat - 10);
    expect(lat).toBeLessThan(PARIS.lat + 10);

    const card = page.getByTestId("event-card");
    await poll(() => card.getAttribute("data-event-id")).toBe("paris-talks");
    expect(await page.locator("#event-card-title").textContent()).toBe("Syrian foreign minister meets Israeli officials in Paris");
    expect(await page.locator(`${LIST_ITEMS}[aria-pressed="true"]`).getAttribute("data-event-id")).toBe("paris-talks");
    expect(await page.locator(`${TIMELINE_MARKS}[data-selected="true"]`).getAttribute("data-event-id")).toBe("paris-talks");
    const marked = await page.locator('mark[data-selected="true"]').allTextContents();
    expect(marked[0]).toMatch(/^Syria confirmed on Tuesday/);
    expect(marked).toHaveLength(5); // the card's five quotes, each marked once

    // The arc (dashed, with arrowheads) from Paris to the Golan is drawn.
    await poll(async () => (await canvasColours(page)).count(ARC, { tolerance: 30 }), "arc pixels on the map").toBeGreaterThan(200);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("map → list: hovering and clicking As-Suwayda on the map lists its events, with their dates", async ({ browser, baseUrl }) => {
    const { zoom, lat, lon } = AS_SUWAYDA_CAMERA;
    const { page, problems } = await openPage(baseUrl, `/?map=${zoom}/${lat}/${lon}`, { browser });
    await waitForMapIdle(page);
    const map = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    const centre = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
    // The click point must not be on a marker (markers win over the polygon beneath).
    const marker = project(AS_SUWAYDA_MARKER, zoom);
    const middle = project({ lon, lat }, zoom);
    expect(Math.hypot(marker.x - middle.x, marker.y - middle.y)).toBeGreaterThan(40);

    // Hover: the list emphasises the events in or about the governorate under the pointer.
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.move(centre.x + 2, centre.y + 1);
    const hovered = () => page.locator(`${LIST_ITEMS}[data-hovered]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")).sort());
    await poll(hovered).toEqual(AS_SUWAYDA_EVENTS);

    await page.mouse.click(centre.x, centre.y);
    const panel = page.getByTestId("feature-events");
    await poll(() => panel.getAttribute("data-feature")).toBe("as-suwayda/as-suwayda");
    const items = panel.locator("button[data-event-id]");
    await poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")).sort())).toEqual(AS_SUWAYDA_EVENTS);
    // (b) What happened in As-Suwayda and when: fighting and an Israeli strike in July 2025, protests since.
    const text = await panel.innerText();
    expect(text).toMatch(/Fighting between Druze and government-aligned groups\s+by July 2025 · happened here/);
    expect(text).toMatch(/Israel strikes Syrian forces in As-Suwayda\s+July 2025 · happened here/);
    expect(text).toMatch(/Druze demonstrate for self-determination\s+Jul 2025 – 20 Aug 2025 · is about this place/);

    // …and a listed event opens like any other selection.
    await items.filter({ hasText: "Israel strikes Syrian forces" }).click();
    await poll(() => param(page, "event")).toBe("israel-strikes-as-suwayda");
    await poll(() => page.getByTestId("event-card").getAttribute("data-event-id")).toBe("israel-strikes-as-suwayda");
    expect(problems.pageErrors).toEqual([]);
  });

  test("article → event and timeline → event: a marked sentence or a timeline mark selects its event", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await waitForMapIdle(page);
    const card = page.getByTestId("event-card");

    await page.locator('mark[data-events="druze-demonstrations"]').click();
    await poll(() => param(page, "event")).toBe("druze-demonstrations");
    await poll(() => card.getAttribute("data-event-id")).toBe("druze-demonstrations");
    expect(await page.locator("#event-card-title").textContent()).toBe("Druze demonstrate for self-determination");
    expect(await page.locator('mark[data-events="druze-demonstrations"]').getAttribute("data-selected")).toBe("true");
    expect(await page.locator(`${LIST_ITEMS}[aria-pressed="true"]`).getAttribute("data-event-id")).toBe("druze-demonstrations");

    await page.locator(`${TIMELINE_MARKS}[data-event-id="assad-overthrown"]`).click();
    await poll(() => param(page, "event")).toBe("assad-overthrown");
    await poll(() => card.getAttribute("data-event-id")).toBe("assad-overthrown");
    expect(await page.locator("#event-card-title").textContent()).toBe("Bashar Assad overthrown");
    expect(await page.locator(`${TIMELINE_MARKS}[data-selected="true"]`).getAttribute("data-event-id")).toBe("assad-overthrown");
    expect(await page.locator('mark[data-selected="true"]').first().getAttribute("data-events")).toContain("assad-overthrown");
    expect(problems.pageErrors).toEqual([]);
  });

  test("filters agree: search, then a brushed time window, in list, timeline and article; Back undoes the window", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await waitForMapIdle(page);
    const all = await expectViewsAgree(page);
    expect(all).toHaveLength(13);

    await page.getByRole("searchbox", { name: "Search events" }).fill("druze");
    await poll(() => param(page, "q")).toBe("druze");
    const druze = ["as-suwayda-fighting", "barrack-meets-tarif", "druze-demonstrations", "israel-strikes-as-suwayda", "tarif-appeals-for-druze"];
    await poll(async () => (await linkedViews(page)).list).toEqual(druze);
    expect(await expectViewsAgree(page)).toEqual(druze);
    expect(await page.getByTestId("event-count").textContent()).toBe("5 of 13");

    // Brush from just after the July 2025 bars to the end of the axis, above the marks' lanes.
    const svg = (await page.locator('[data-testid="timeline"] svg').boundingBox())!;
    const julyEnds = await page.locator(`${TIMELINE_MARKS}[data-event-id="israel-strikes-as-suwayda"]`).boundingBox();
    const startX = julyEnds!.x + julyEnds!.width + 2;
    const y = svg.y + 3;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move((startX + svg.x + svg.width) / 2, y, { steps: 4 });
    await page.mouse.move(svg.x + svg.width - 2, y, { steps: 4 });
    await page.mouse.up();

    await poll(() => [param(page, "from"), param(page, "to")].every((d) => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    const [from, to] = [param(page, "from")!, param(page, "to")!];
    expect(from >= "2025-08-01" && from <= to && to <= "2025-08-31", `window ${from}..${to}`).toBe(true);
    expect(param(page, "q")).toBe("druze");
    const windowed = await expectViewsAgree(page);
    expect(windowed).toEqual(["barrack-meets-tarif", "druze-demonstrations", "tarif-appeals-for-druze"]);
    expect(await page.getByTestId("event-count").textContent()).toBe("3 of 13");
    // The field writes the day as the app does everywhere ("1 Aug 2025").
    const [year, month, day] = from.split("-").map(Number) as [number, number, number];
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe(`${day} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]} ${year}`);

    // Filters push history: Back restores the search without the window.
    await page.goBack();
    await poll(() => [param(page, "q"), param(page, "from"), param(page, "to")]).toEqual(["druze", null, null]);
    expect(await expectViewsAgree(page)).toEqual(druze);
    expect(await page.getByRole("searchbox", { name: "Search events" }).inputValue()).toBe("druze");
    await page.goBack();
    await poll(() => param(page, "q")).toBeNull();
    expect(await expectViewsAgree(page)).toHaveLength(13);
    expect(problems.pageErrors).toEqual([]);
  });

  test("hover: an event under the pointer in one view is emphasised in the others", async ({ browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, "/", { browser });
    await waitForMapIdle(page);
    const hoveredIn = (selector: string) => page.locator(`${selector}[data-hovered]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id") ?? e.getAttribute("data-events")));

    // List → timeline and article.
    await page.locator(`${LIST_ITEMS}[data-event-id="assad-overthrown"]`).hover();
    await poll(() => hoveredIn(TIMELINE_MARKS)).toEqual(["assad-overthrown"]);
    const marks = await hoveredIn("mark");
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((events) => events?.split(" ").includes("assad-overthrown")), JSON.stringify(marks)).toBe(true);
    expect(await hoveredIn(LIST_ITEMS)).toEqual(["assad-overthrown"]);

    // Pointer away: nothing stays emphasised.
    await page.mouse.move(5, 5);
    await poll(() => hoveredIn(TIMELINE_MARKS)).toEqual([]);
    expect(await hoveredIn("mark")).toEqual([]);

    // Timeline → list; article → list and timeline.
    await page.locator(`${TIMELINE_MARKS}[data-event-id="druze-demonstrations"]`).hover();
    await poll(() => hoveredIn(LIST_ITEMS)).toEqual(["druze-demonstrations"]);
    await page.locator('mark[data-events="druze-demonstrations"]').hover();
    await poll(() => hoveredIn(LIST_ITEMS)).toEqual(["druze-demonstrations"]);
    expect(await hoveredIn(TIMELINE_MARKS)).toEqual(["druze-demonstrations"]);
    expect(problems.pageErrors).toEqual([]);
  });

  test("(a) where the talks took place and what they were about: the card says Paris and the UNDOF Area of Separation", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/", { browser });
    await page.locator(`${LIST_ITEMS}[data-event-id="paris-talks"]`).click();
    await poll(() => page.getByTestId("event-card").getAttribute("data-event-id")).toBe("paris-talks");
    const fields = await cardFields(page);
    expect(fields.Where).toMatch(/^Paris/);
    expect(fields.About).toMatch(/^UNDOF Area of Separation/);
    expect(fields.About).toMatch(/1974 ceasefire agreement/);
  });

  test("(c) what has happened in the buffer zone since December 2024: the seizure and the talks, not the 1974 agreement", async ({ browser, baseUrl }) => {
    const { page } = await openPage(baseUrl, "/?layer=golan-buffer-zone&from=2024-12-01", { browser });
    const listed = await expectViewsAgree(page);
    expect(listed).toContain("israel-seizes-buffer-zone");
    expect(listed).toContain("paris-talks");
    expect(listed).toContain("paris-talks-understandings");
    expect(listed).not.toContain("ceasefire-agreement-1974");
    expect(await page.locator('form[role="search"] select').inputValue()).toBe("golan-buffer-zone");
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("1 Dec 2024");
  });
});
