import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import { syntheticEvents, SYNTHETIC_ARTICLE_ID } from "@/lib/data/synthetic";
import { headlineOf } from "@/lib/model/event-headline";
import { dataSetOf } from "@/lib/store/from-files";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store } from "@/lib/store/store";
import { LIST_ROWS } from "@/lib/events/digest";
import { MAX_INLINE_EVENTS } from "@/lib/view/view-events-shape";
import { markedIn, newestArticle, viewEvents } from "@/lib/view/view-events";

/**
 * What the dashboard holds of a filter, read from a real SQLite store holding data/ and 3,000
 * synthetic events: small or large is decided by how many events match each filter.
 */
const SEED_ARTICLE = "syria-israel-paris-talks-2025-08-20";
const dir = mkdtempSync(join(tmpdir(), "briefmap-view-events-"));
let store: Store;

beforeAll(async () => {
  store = await openSqliteStore(join(dir, "store.sqlite"));
  const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
  const synthetic = syntheticEvents(3000, 1);
  const set = dataSetOf({ ...data, articles: [...data.articles, synthetic.article], events: [...data.events, ...synthetic.events] });
  await store.importData(set, { actor: "test", mode: "replace" });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the events of a filter as the dashboard holds them", () => {
  it("a narrow filter carries its events whole, in list order", async () => {
    const answer = await viewEvents(store, { article: SEED_ARTICLE }, SEED_ARTICLE);
    expect(answer.complete).toBe(true);
    if (!answer.complete) return;
    expect(answer.events).toHaveLength(13);
    expect(answer.events.every((e) => e.sources.length > 0)).toBe(true);
    const order = answer.events.map((e) => `${e.time.start}/${e.time.end}/${e.id}`);
    expect(order).toEqual([...order].sort());
  });

  it("the same server without filters answers with a digest from the store's aggregate", async () => {
    const answer = await viewEvents(store, {}, SEED_ARTICLE);
    expect(answer.complete).toBe(false);
    if (answer.complete) return;
    const { digest } = answer;
    expect(digest.count).toBe(3013);
    expect(digest.count).toBeGreaterThan(MAX_INLINE_EVENTS);
    expect(Object.values(digest.byType).reduce((a, b) => a + b, 0)).toBe(3013);
    expect(digest.times.reduce((a, t) => a + t.count, 0)).toBe(3013);
    // Rows are headlines only (no quotes): the page stays small.
    expect(digest.rows).toHaveLength(LIST_ROWS);
    expect(digest.rows[0]).toEqual(headlineOf((await store.events({}, { limit: 1 }))[0]!));
    expect(digest.rows.some((r) => "sources" in r)).toBe(false);
    expect(digest.marked.sort()).toEqual((await store.events({ article: SEED_ARTICLE })).map((e) => e.id).sort());
  });

  it("marks the reader's article's events that the filter keeps, whichever article is read", async () => {
    expect((await markedIn(store, { types: ["strike"] }, SEED_ARTICLE)).sort()).toEqual(["israel-strikes-as-suwayda", "israel-strikes-military-positions"]);
    const synthetic = await markedIn(store, { q: "synthetic event 12" }, SYNTHETIC_ARTICLE_ID);
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.every((id) => id.startsWith("synthetic-12"))).toBe(true);
    expect(await markedIn(store, {}, undefined)).toEqual([]);
  });

  it("the reader's default is the newest article", async () => {
    const articles = await store.articles();
    const newest = [...articles].sort((a, b) => b.published.localeCompare(a.published))[0]!.id;
    expect(await newestArticle(store)).toBe(newest);
  });
});
