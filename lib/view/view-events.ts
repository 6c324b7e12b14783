import "server-only";
import { headlineOf } from "@/lib/model/event-headline";
import type { EventQuery } from "@/lib/model/event-query";
import type { Store } from "@/lib/store/store";
import { LIST_ROWS, type EventDigest } from "@/lib/events/digest";
import { MAX_INLINE_EVENTS, type ViewEvents } from "./view-events-shape";

/**
 * The events of one filter as the dashboard holds them, decided for this filter alone: every event
 * when at most MAX_INLINE_EVENTS match, else a digest (counts and time spans from the store's
 * aggregate, the list's first rows, the reader's article's events among them) and the map fetches
 * the markers itself. The first HTML and `/api/events/view` both answer with this.
 */
export async function viewEvents(store: Store, query: EventQuery, readerArticle: string | undefined): Promise<ViewEvents> {
  const aggregate = await store.aggregate(query);
  if (aggregate.count <= MAX_INLINE_EVENTS) {
    const events = aggregate.count === 0 ? [] : await store.events(query, { limit: MAX_INLINE_EVENTS });
    return { complete: true, events };
  }
  return { complete: false, digest: await digestOf(store, query, aggregate, readerArticle) };
}

/** The digest of a filter: what `/api/events/digest` answers and the panels draw of a large set. */
export async function storeDigest(store: Store, query: EventQuery, readerArticle: string | undefined): Promise<EventDigest> {
  return digestOf(store, query, await store.aggregate(query), readerArticle);
}

async function digestOf(store: Store, query: EventQuery, aggregate: Awaited<ReturnType<Store["aggregate"]>>, readerArticle: string | undefined): Promise<EventDigest> {
  const [rows, marked] = await Promise.all([store.events(query, { limit: LIST_ROWS }), markedIn(store, query, readerArticle)]);
  return { count: aggregate.count, byType: aggregate.byType, times: aggregate.times, rows: rows.map(headlineOf), marked };
}

/** Which of an article's events (those its sentences report) the filter keeps. */
export async function markedIn(store: Store, query: EventQuery, article: string | undefined): Promise<string[]> {
  if (!article) return [];
  const told = [...new Set((await store.articleSpans(article)).map((s) => s.event))];
  return told.length ? store.matchingIds(query, told) : [];
}

/** The newest article: what the reader shows when the link names none. */
export async function newestArticle(store: Store): Promise<string | undefined> {
  return (await store.articles())[0]?.id;
}

