import { afterAll, beforeAll, describe, expect } from "vitest";
import { writeCursor } from "@/lib/events/list-cursor";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startNextServer, type NextServer } from "./harness/next-server";

/*
 * Issue 15 at 100,000 events: the list scrolls through every matching event (virtualised, rows
 * fetched by keyset pages), the keyboard reaches the last one, selecting it opens its card and a
 * link to it reopens it; the map draws the set from vector tiles and N steps through a tile's events.
 */
const SYNTHETIC = 100_000;
const TOTAL = SYNTHETIC + 13;
let server: NextServer;
/**
 * The reader shows the real article: by default it shows the newest, here the synthetic one, whose
 * 100,000 sentences the first HTML would carry whole (the reader's own matter, not the list's).
 */
const READ = "article=syria-israel-paris-talks-2025-08-20";

beforeAll(async () => {
  const distDir = process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test";
  server = await startNextServer({ distDir, env: { BRIEFMAP_SYNTHETIC_EVENTS: String(SYNTHETIC), BRIEFMAP_SYNTHETIC_SEED: "1" }, readyTimeoutMs: 300_000 });
}, 320_000);

afterAll(async () => {
  await server?.stop();
});

type Digest = { count: number; times: { time: { start: string; end: string }; count: number }[] };

/** The last event in list order, found through the API: the last time span's events, paged. */
async function lastEvent(): Promise<{ id: string; title: string }> {
  const digest = (await (await fetch(`${server.url}/api/events/digest`)).json()) as Digest;
  expect(digest.count).toBe(TOTAL);
  const last = digest.times.at(-1)!.time;
  const answer = (await (await fetch(`${server.url}/api/events?detail=brief&limit=10000&after=${encodeURIComponent(writeCursor({ start: last.start, end: last.end, id: "" }))}`)).json()) as {
    features: { properties: { id: string; title: string } }[];
    next: string | null;
  };
  expect(answer.next).toBeNull();
  return answer.features.at(-1)!.properties;
}

const focused = (page: import("playwright-core").Page) => page.evaluate(() => document.activeElement?.getAttribute("data-event-id") ?? null);

describe("a list of 100,000 events", () => {
  test("the keyboard reaches the last event; selecting it opens its card, and its link reopens it", async ({ browser }) => {
    const target = await lastEvent();
    const { page, problems } = await openPage(server.url, `/?${READ}`, { browser });
    const tileRequests: string[] = [];
    page.on("request", (r) => void (r.url().includes("/api/events/tiles/") && tileRequests.push(r.url())));
    await waitForMapIdle(page, { timeoutMs: 90_000 });
    expect(tileRequests.length, "the map draws tiles").toBeGreaterThan(0);

    const first = page.locator("button[data-event-id]").first();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-index"))).toBe("1");
    await page.keyboard.press("End");
    await expect.poll(() => focused(page), { timeout: 20_000 }).toBe(target.id);
    // Its position in the whole list is what a screen reader announces.
    const position = await page.evaluate(() => {
      const row = document.activeElement?.closest("li");
      return [row?.getAttribute("aria-posinset"), row?.getAttribute("aria-setsize")];
    });
    expect(position).toEqual([String(TOTAL), String(TOTAL)]);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-index"))).toBe(String(TOTAL - 2));
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focused(page)).toBe(target.id);

    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("event"), { timeout: 10_000 }).toBe(target.id);
    await expect.poll(() => page.getByRole("heading", { name: target.title }).count(), { timeout: 10_000 }).toBe(1);
    expect(problems.pageErrors).toEqual([]);

    const reopened = await openPage(server.url, `/?event=${encodeURIComponent(target.id)}&${READ}`, { browser });
    await waitForMapIdle(reopened.page, { timeoutMs: 90_000 });
    expect(await reopened.page.getByRole("heading", { name: target.title }).count()).toBe(1);
    expect(reopened.problems.pageErrors).toEqual([]);
  });

  test("N on the map steps through the single events a tile draws, and opens each card", async ({ browser }) => {
    // Street level in Paris: the tiles hold single events there.
    const { page, problems } = await openPage(server.url, `/?map=15/48.8566/2.3522&${READ}`, { browser });
    await waitForMapIdle(page, { timeoutMs: 90_000 });
    await page.locator("#map").focus();
    await page.keyboard.press("n");
    await expect.poll(() => new URL(page.url()).searchParams.get("event"), { timeout: 10_000 }).toMatch(/^synthetic-\d+$/);
    const id = new URL(page.url()).searchParams.get("event")!;
    const event = (await (await fetch(`${server.url}/api/events/${id}`)).json()) as { title: string };
    await expect.poll(() => page.getByRole("heading", { name: event.title }).count(), { timeout: 10_000 }).toBe(1);
    expect(problems.pageErrors).toEqual([]);
  });
});
