import "server-only";
import type { FeatureChoice, ReviewDraft } from "@/lib/ingest/review-types";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { Store } from "@/lib/store/store";
import { gazetteer } from "./gazetteer";
import { extractArticle } from "./pipeline";
import { storePlaces } from "./prepare";
import { featureChoices, placeOf, reviewPayload } from "./review-payload";

/** What every review page needs from the store: the layers for the map and their features for the pickers. */
export async function reviewContext(store: Store): Promise<{ layers: LayerSummary[]; features: FeatureChoice[]; places: Awaited<ReturnType<typeof storePlaces>> }> {
  const { layers } = await store.layers();
  const places = await storePlaces(store);
  return { layers, features: featureChoices(places, new Map(layers.map((l) => [l.id, l.title]))), places };
}

/**
 * The review of a stored article's unreviewed drafts (saved by `npm run ingest`): its text read
 * again for the mentions to highlight, and the drafts as they are stored. Undefined for an unknown article.
 */
export async function storedReview(store: Store, id: string) {
  const found = await store.article(id);
  if (!found) return undefined;
  const context = await reviewContext(store);
  const { textFile: _t, eventsFile: _e, ...meta } = found.value;
  const stored = await store.events({ article: id, review: "unreviewed" }, { limit: 10_000 });
  const extraction = extractArticle({ id, text: meta.text, published: meta.published, language: meta.language }, { layers: context.places, gazetteer: gazetteer() });
  const drafts: ReviewDraft[] = stored.map(({ place: _p, aboutPlaces: _a, ...event }) => ({ event, place: placeOf(event.where, context.places), stored: true }));
  return { context, payload: reviewPayload(meta, extraction, context.places, { existing: true, fromHtml: false, drafts }) };
}

/** Articles with drafts waiting for review, and how many each has: the review queue. */
export async function reviewQueue(store: Store): Promise<{ id: string; title: string; published: string; publisher: string | null; drafts: number }[]> {
  const counts = new Map<string, number>();
  for await (const e of store.eachEvent({ review: "unreviewed" })) counts.set(e.article, (counts.get(e.article) ?? 0) + 1);
  const articles = await store.articles();
  return articles.filter((a) => counts.has(a.id)).map((a) => ({ id: a.id, title: a.title, published: a.published, publisher: a.publisher, drafts: counts.get(a.id) ?? 0 }));
}
