import "server-only";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import type { Store } from "@/lib/store/store";
import { knownIds } from "./known-ids";
import { readView, type IgnoredParam, type SearchParams } from "./read-view";
import type { View } from "./view";

export type ServerView = { view: View; ignored: IgnoredParam[]; layers: LayerSummary[]; unavailable: UnavailableLayer[] };

/** A request's view, its ids checked against the store: what the page, the print and the preview start from. */
export async function readServerView(store: Store, search: SearchParams): Promise<ServerView> {
  const { layers, unavailable } = await store.layers();
  const { view, ignored } = readView(search, await knownIds(store, search, layers.map((l) => l.id)));
  return { view, ignored, layers, unavailable };
}
