import "server-only";
import type { Store } from "@/lib/store/store";
import type { IdLookup } from "./event-query";

/** Whether a layer or an article exists, asked of the store one id at a time. */
export function storeIds(store: Store): IdLookup {
  return {
    layer: async (id) => (await store.layers()).layers.some((l) => l.id === id),
    article: async (id) => (await store.article(id)) !== undefined,
  };
}
