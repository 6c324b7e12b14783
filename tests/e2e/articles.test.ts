import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startNextServer, type NextServer } from "./harness/next-server";

/**
 * Many articles: data/ plus a second, older article (tests/fixtures/data/second-article: two events
 * in Quneitra), served by a second production server with its own database file. The reader shows
 * the newest article unless the link names another; each event belongs to its own article.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SEED = "syria-israel-paris-talks-2025-08-20";
const SECOND = "fixture-quneitra-2025-07-20";
const SECOND_TITLE = "Fixture: a second article about Quneitra";
const PROTEST_SENTENCE = "On Saturday, residents of Quneitra held a protest calling for the ceasefire to be respected.";

let dir: string;
let server: NextServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-articles-"));
  cpSync(path.join(ROOT, "data"), path.join(dir, "data"), { recursive: true });
  const fixture = path.join(ROOT, "tests/fixtures/data/second-article/articles");
  for (const name of readdirSync(fixture)) cpSync(path.join(fixture, name), path.join(dir, "data/articles", name));
  server = await startNextServer({
    distDir: process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test",
    env: { BRIEFMAP_DATA_DIR: path.join(dir, "data"), BRIEFMAP_DATABASE_URL: `file:${path.join(dir, "briefmap.sqlite")}` },
    readyTimeoutMs: 120_000,
  });
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const readerTitle = (page: import("playwright-core").Page) => page.locator("#article-title").textContent();

describe("many articles", () => {
  it("the reader shows the newest article by default, and article= opens another one in the server's HTML", async () => {
    const readerIn = (html: string) => /<h2 id="article-title"[^>]*>([^<]*)<\/h2>/.exec(html)?.[1];
    const plain = await (await fetch(`${server.url}/`)).text();
    expect(readerIn(plain)).toBe("Syria confirms its foreign minister met Israeli officials in Paris");
    const linked = await (await fetch(`${server.url}/?article=${SECOND}`)).text();
    expect(readerIn(linked)).toBe(SECOND_TITLE);
    expect(linked).toContain(`data-start="69"`);
  });

  it("an unknown article is dropped with a notice and the newest is shown", async () => {
    const html = await (await fetch(`${server.url}/?article=no-such-article&q=ceasefire`)).text();
    expect(html).toContain('data-testid="ignored-notice"');
    expect(html).toMatch(/no such article/);
    expect(html).toMatch(/<h2 id="article-title"[^>]*>Syria confirms its foreign minister/);
    expect(html).toContain('value="ceasefire"');
  });

  it("the API filters by article= and refuses an unknown one, naming it", async () => {
    const body = await (await fetch(`${server.url}/api/events?article=${SECOND}`)).json();
    expect(body.features.map((f: { id: string }) => f.id).sort()).toEqual(["fixture-quneitra-meeting", "fixture-quneitra-protest"]);
    const seed = await (await fetch(`${server.url}/api/events?article=${SEED}&detail=marker`)).json();
    expect(seed.features).toHaveLength(13);
    const bad = await fetch(`${server.url}/api/events?article=atlantis`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ param: "article", message: expect.stringMatching(/unknown article/) });
    const article = await (await fetch(`${server.url}/api/articles/${SECOND}`)).json();
    expect(article.spans.map((s: { event: string }) => s.event)).toEqual(["fixture-quneitra-protest", "fixture-quneitra-meeting"]);
  });

  test("the articles panel lists both; choosing one opens it in the reader and writes article= into the link", async ({ browser }) => {
    const { page, problems } = await openPage(server.url, "/", { browser });
    await waitForMapIdle(page);
    expect(await readerTitle(page)).not.toBe(SECOND_TITLE);
    const panel = page.getByTestId("articles-panel");
    await expect.poll(() => panel.locator("[data-article-id]").count()).toBe(2);
    expect(await panel.locator(`[data-article-id="${SECOND}"]`).innerText()).toMatch(/Briefmap test fixture · 20 Jul 2025 · 2 events/);
    await panel.getByRole("searchbox").fill("quneitra");
    await expect.poll(() => panel.locator("[data-article-id]").count()).toBe(1);
    await panel.locator(`[data-article-id="${SECOND}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("article")).toBe(SECOND);
    await expect.poll(() => readerTitle(page)).toBe(SECOND_TITLE);
    await expect.poll(() => page.locator("mark").first().textContent()).toBe(PROTEST_SENTENCE);
    // Back returns to the newest article, whose link carries no article=.
    await page.goBack();
    await expect.poll(() => readerTitle(page)).not.toBe(SECOND_TITLE);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("axe finds no serious or critical violation with the articles panel open and article names in the list", async ({ browser }) => {
    const { page } = await openPage(server.url, `/?article=${SECOND}`, { browser });
    await waitForMapIdle(page);
    await page.getByTestId("articles-panel").waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("q finds events across articles; the list and the card name each event's article", async ({ browser }) => {
    const { page, problems } = await openPage(server.url, "/?q=ceasefire", { browser });
    await waitForMapIdle(page);
    const ids = await page.locator("button[data-event-id]").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-event-id")));
    expect(ids).toEqual(expect.arrayContaining(["fixture-quneitra-protest", "fixture-quneitra-meeting", "syria-confirms-paris-talks"]));
    const row = page.locator('button[data-event-id="fixture-quneitra-protest"]');
    expect(await row.getByTestId("event-article").textContent()).toBe(SECOND_TITLE);
    expect(await page.locator('button[data-event-id="syria-confirms-paris-talks"]').getByTestId("event-article").textContent()).toMatch(/^Syria confirms/);
    await row.click();
    await expect.poll(() => page.getByTestId("event-card-article").textContent()).toBe(`Reported in “${SECOND_TITLE}”`);
    expect(problems.pageErrors).toEqual([]);
  });

  test("“Show in article” switches the reader to the event's own article and marks its sentence", async ({ browser }) => {
    const { page, problems } = await openPage(server.url, "/?event=fixture-quneitra-protest", { browser });
    await waitForMapIdle(page);
    // The link names no article: the reader shows the newest, which does not report this event.
    expect(await readerTitle(page)).not.toBe(SECOND_TITLE);
    await page.getByTestId("event-card").getByRole("button", { name: "Show in article" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("article")).toBe(SECOND);
    await expect.poll(() => readerTitle(page)).toBe(SECOND_TITLE);
    const selected = page.locator('mark[data-selected="true"]');
    await expect.poll(() => selected.textContent()).toBe(PROTEST_SENTENCE);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("mark")?.textContent)).toBe(PROTEST_SENTENCE);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
