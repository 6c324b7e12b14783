import type { View } from "./view";

type FilterPart = Pick<View, "from" | "to" | "types" | "q" | "layer">;

/** The `/api/events` query for a view's filters: the key under which the client caches results. */
export function eventQueryString(view: FilterPart): string {
  const params = new URLSearchParams();
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  if (view.types && view.types.length) params.set("types", view.types.join(","));
  if (view.q) params.set("q", view.q);
  if (view.layer) params.set("layer", view.layer);
  return params.toString();
}
