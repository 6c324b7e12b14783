import { createParser, createSerializer } from "nuqs/server";
import type { BBox } from "@/lib/model/layer-summary";
import type { EventQuery } from "@/lib/model/event-query";
import { readBBox, valueOr } from "./values";
import { viewParsers, type View } from "./view";

/** The view's filters as the API's filter. The view's `article` picks what the reader shows and filters nothing. */
export function viewEventQuery(view: Pick<View, "from" | "to" | "types" | "q" | "layer">): EventQuery {
  const query: EventQuery = {};
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  if (view.types && view.types.length) query.types = view.types;
  if (view.q) query.q = view.q;
  if (view.layer) query.layer = view.layer;
  return query;
}

/**
 * `/api/events` parameters, written by the view's own parsers (and read back by lib/api/event-query.ts
 * through the same value readers), in one fixed order so that equal filters give equal strings: the
 * client caches answers under them.
 */
const eventQueryParsers = {
  bbox: createParser<BBox>({ parse: (v) => valueOr(readBBox(v)), serialize: (b) => b.join(",") }),
  from: viewParsers.from,
  to: viewParsers.to,
  types: viewParsers.types,
  q: viewParsers.q,
  layer: viewParsers.layer,
  article: viewParsers.article,
  id: viewParsers.event,
};
const serialize = createSerializer(eventQueryParsers);

export function eventQueryString(query: EventQuery): string {
  return serialize({
    bbox: query.bbox ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    types: query.types?.length ? [...query.types] : null,
    q: query.q ?? null,
    layer: query.layer ?? null,
    article: query.article ?? null,
    id: query.id ?? null,
  }).replace(/^\?/, "");
}
