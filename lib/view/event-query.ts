import type { EventQuery } from "@/lib/model/event-query";
import type { View } from "./view";

/** The filter a view applies to events. The view's `article` picks what the reader shows and filters nothing. */
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
 * An EventQuery as `/api/events` parameters, in one fixed order, so that equal filters give equal
 * strings (the client caches answers under them). lib/api/event-query.ts reads them back.
 */
export function eventQueryString(query: EventQuery): string {
  const params = new URLSearchParams();
  if (query.bbox) params.set("bbox", query.bbox.join(","));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.types && query.types.length) params.set("types", query.types.join(","));
  if (query.q) params.set("q", query.q);
  if (query.layer) params.set("layer", query.layer);
  if (query.article) params.set("article", query.article);
  if (query.id) params.set("id", query.id);
  return params.toString();
}
