import "server-only";
import type { Store } from "@/lib/store/store";
import type { KnownIds, SearchParams } from "./read-view";
import { readId } from "./values";

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

/**
 * The ids a link names that the store holds: the layers (a short list), and the one event and the
 * one article the link names, looked up by id. Never the set of every event id.
 */
export async function knownIds(store: Store, search: SearchParams, layerIds?: readonly string[]): Promise<KnownIds> {
  const named = (key: string, what: "event" | "article") => {
    const read = readId(what)(first(search[key]) ?? "");
    return read.ok ? read.value : undefined;
  };
  const eventId = named("event", "event");
  const articleId = named("article", "article");
  const [layers, event, article] = await Promise.all([
    layerIds ?? store.layers().then((l) => l.layers.map((s) => s.id)),
    eventId ? store.event(eventId) : undefined,
    articleId ? store.article(articleId) : undefined,
  ]);
  return {
    layers: new Set(layers),
    events: new Set(event ? [event.value.id] : []),
    articles: new Set(article ? [article.value.id] : []),
  };
}
