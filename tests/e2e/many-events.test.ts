import type { Feature, FeatureCollection, Point } from "geojson";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { canvasColours, openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startNextServer, type NextServer } from "./harness/next-server";

/**
 * A second production server with 10,000 seeded synthetic events besides the real 13: more than the
 * page carries (lib/view/view-events-shape.ts), so the page holds a digest and the map fetches the events
 * itself. Everything an analyst sees must still agree with the API.
 */
const SYNTHETIC = 10_000;
let server: NextServer;

beforeAll(async () => {
  const distDir = process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test";
  server = await startNextServer({ distDir, env: { BRIEFMAP_SYNTHETIC_EVENTS: String(SYNTHETIC), BRIEFMAP_SYNTHETIC_SEED: "1" }, readyTimeoutMs: 120_000 });
});

afterAll(async () => {
  await server?.stop();
});

async function api(path: string): Promise<FeatureCollection<Point>> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as FeatureCollection<Point>;
}

const eventCount = (page: import("playwright-core").Page) => page.getByTestId("event-count").innerText();
/** The clusters' disc colour (lib/map/event-layers.ts). */
const CLUSTER = "#37474f";

describe("many events", () => {
  test("the first view lists the first rows, draws every event clustered, and agrees with the API", async ({ browser }) => {
    const total = SYNTHETIC + 13;
    const opened = await openPage(server.url, "about:blank", { browser });
    const { page, problems } = opened;
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    await waitForMapIdle(page, { timeoutMs: 60_000 });

    expect(await eventCount(page)).toBe(String(total));
    // The list is one scrolling list of every event; only the rows in view exist.
    const drawn = await page.locator("button[data-event-id]").count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(60);
    expect(await page.locator(`li[aria-setsize="${total}"][aria-posinset="1"]`).count()).toBe(1);
    // The page carried the digest; the map drew the events from the server's vector tiles.
    expect(requests.filter((u) => u.includes("/api/events/digest"))).toEqual([]);
    expect(requests.filter((u) => u.includes("detail=marker"))).toEqual([]);
    expect(requests.filter((u) => /\/api\/events\/tiles\/\d+\/\d+\/\d+$/.test(u)).length).toBeGreaterThan(0);
    expect(await page.locator("[data-event-count]").getAttribute("data-event-count")).toBe(String(total));
    expect((await canvasColours(page)).count(CLUSTER, { tolerance: 12 }), "clusters drawn").toBeGreaterThan(100);
    // The timeline draws a density of every event, not the list's rows.
    await expect.poll(() => page.getByRole("img", { name: new RegExp(`^${total} events`) }).count()).toBe(1);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  test("a filter updates the count, the list and the map from the server's digest", async ({ browser }) => {
    const { page, problems } = await openPage(server.url, "/?from=2024-01-01&to=2024-12-31", { browser });
    await waitForMapIdle(page, { timeoutMs: 60_000 });
    const expected = (await api("/api/events?from=2024-01-01&to=2024-12-31&detail=brief")).features.length;
    expect(expected, "more than the page carries").toBeGreaterThan(2000);
    expect(await eventCount(page)).toBe(`${expected} of ${SYNTHETIC + 13}`);

    const mapRequests: string[] = [];
    page.on("request", (r) => void (r.url().includes("/api/events") && mapRequests.push(r.url())));
    await page.getByRole("searchbox", { name: "Search events" }).fill("synthetic strike 1");
    const narrowed = (await api("/api/events?from=2024-01-01&to=2024-12-31&q=synthetic%20strike%201&detail=brief")).features;
    await expect.poll(() => eventCount(page), { timeout: 15_000 }).toBe(`${narrowed.length} of ${SYNTHETIC + 13}`);
    await expect.poll(() => page.locator("[data-event-count]").getAttribute("data-event-count")).toBe(String(narrowed.length));
    // The rows are the API's first ones, in its order.
    const rows = await page.locator("button[data-event-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(narrowed.slice(0, rows.length).map((f) => f.properties?.id));
    await expect.poll(() => mapRequests.some((u) => u.includes("/api/events/tiles/") && u.includes("q=synthetic"))).toBe(true);
    expect(problems.pageErrors).toEqual([]);
  });

  test("small or large is decided per filter: a narrow link, then clearing it, never loads every full event", async ({ browser }) => {
    const narrowQuery = "q=synthetic%20strike%2012";
    const narrow = (await api(`/api/events?${narrowQuery}&detail=marker`)).features.length;
    expect(narrow, "the link is narrow enough to carry its events").toBeLessThanOrEqual(2000);
    expect(narrow).toBeGreaterThan(0);
    const { page, problems } = await openPage(server.url, "about:blank", { browser });
    const answers: { url: string; complete: boolean; events: number }[] = [];
    page.on("response", async (r) => {
      if (!r.url().includes("/api/events/view")) return;
      const body = (await r.json()) as { complete: boolean; events?: unknown[] };
      answers.push({ url: r.url(), complete: body.complete, events: body.events?.length ?? 0 });
    });
    const markerRequests: string[] = [];
    page.on("request", (r) => void ((r.url().includes("detail=marker") || r.url().includes("/api/events/tiles/")) && markerRequests.push(r.url())));
    await page.goto(`${server.url}/?${narrowQuery}`, { waitUntil: "load" });
    await waitForMapIdle(page, { timeoutMs: 60_000 });
    expect(await eventCount(page)).toBe(`${narrow} of ${SYNTHETIC + 13}`);
    expect(markerRequests, "a small set is drawn from the page itself").toEqual([]);

    await page.getByRole("searchbox", { name: "Search events" }).fill("");
    await expect.poll(() => eventCount(page), { timeout: 20_000 }).toBe(String(SYNTHETIC + 13));
    // The cleared filter was answered as a large set: a digest, and the map fetched tiles itself.
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => !a.complete && a.events === 0), JSON.stringify(answers)).toBe(true);
    await expect.poll(() => markerRequests.some((u) => /\/api\/events\/tiles\/\d+\/\d+\/\d+$/.test(u))).toBe(true);
    expect(await page.locator(`li[aria-setsize="${SYNTHETIC + 13}"]`).count()).toBeGreaterThan(0);
    expect(problems.pageErrors).toEqual([]);
  });

  test("an event picked on the map that the page does not hold opens its card", async ({ browser }) => {
    const all = (await api("/api/events?detail=brief")).features as Feature<Point, { id: string; title: string; time: { start: string } }>[];
    // The latest event is far from the list's first rows (time order), and alone at street level.
    const target = all[all.length - 1]!;
    const [lon, lat] = target.geometry.coordinates as [number, number];
    const { page, problems } = await openPage(server.url, `/?map=14/${lat}/${lon}`, { browser });
    await waitForMapIdle(page, { timeoutMs: 60_000 });
    expect(await page.locator(`button[data-event-id="${target.properties.id}"]`).count(), "not among the list's rows").toBe(0);

    const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get("event"), { timeout: 10_000 }).toBe(target.properties.id);
    await expect.poll(() => page.getByRole("heading", { name: target.properties.title }).count(), { timeout: 10_000 }).toBe(1);
    expect(problems.pageErrors).toEqual([]);
  });

  test("a print of the whole set says how many of the matching events its list leaves out", async () => {
    const response = await fetch(`${server.url}/print?paper=a4&orientation=landscape`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`2,000 of ${(SYNTHETIC + 13).toLocaleString("en-GB")} matching events listed`);

    const narrow = await fetch(`${server.url}/print?q=${encodeURIComponent("Quneitra")}`);
    expect(await narrow.text(), "a view whose events all fit says nothing of the kind").not.toContain("matching events listed");
  });
});
