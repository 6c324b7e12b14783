import { EMPTY_VIEW, VIEW_KEYS, viewParsers, type View } from "./view";
import { clip, MAX_QUERY_LENGTH, readDay, readFeatureRef, readId, readIdList, readQuery, readTypes, typesReason, windowReason, type Read } from "./values";

/** A part of a link that could not be applied, said back to the analyst. */
export type IgnoredParam = { param: string; value: string; reason: string };

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What the link may name, so that unknown ids are dropped rather than shown as empty views. The
 * server fills it with cheap store lookups of the ids the link names (lib/view/known-ids.ts).
 */
export type KnownIds = { layers: ReadonlySet<string>; events: ReadonlySet<string>; articles: ReadonlySet<string> };

/** Why each value was refused: the same readers the parsers and /api/events use. */
const readers: Record<Exclude<keyof View, "map" | "types">, (v: string) => Read<unknown>> = {
  layers: readIdList,
  event: readId("event"),
  from: readDay,
  to: readDay,
  q: readQuery,
  layer: readId("layer"),
  article: readId("article"),
  feature: readFeatureRef,
};

/**
 * Reads a view from a request's query. Every invalid or unknown value is dropped and listed in
 * `ignored`; the rest applies. Never throws.
 */
export function readView(search: SearchParams, known: KnownIds): { view: View; ignored: IgnoredParam[] } {
  const view: View = { ...EMPTY_VIEW };
  const ignored: IgnoredParam[] = [];
  for (const key of VIEW_KEYS) {
    const raw = search[key];
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? (raw[0] ?? "") : raw;
    if (Array.isArray(raw) && raw.length > 1) ignored.push({ param: key, value: raw.slice(1).join(", "), reason: "given more than once; the first value is used" });
    const parsed = viewParsers[key].parse(value);
    if (parsed === null) {
      if (value !== "" || key === "map" || key === "event" || key === "article") ignored.push({ param: key, value: clip(value, 60), reason: reasonFor(key, value) });
      continue;
    }
    (view as Record<string, unknown>)[key] = parsed;
  }
  // Per-item checks: drop only the unknown ids, keep the rest of the list.
  if (view.layers) {
    const unknown = view.layers.filter((id) => !known.layers.has(id));
    if (unknown.length) ignored.push({ param: "layers", value: unknown.join(","), reason: `no such layer${unknown.length > 1 ? "s" : ""}` });
    view.layers = view.layers.filter((id) => known.layers.has(id));
  }
  if (search.types !== undefined && view.types) {
    const { unknown } = readTypes(String(Array.isArray(search.types) ? search.types[0] : search.types));
    if (unknown.length) ignored.push({ param: "types", value: clip(unknown.join(","), 60), reason: typesReason(unknown) });
    if (view.types.length === 0) view.types = null;
  }
  if (view.event && !known.events.has(view.event)) {
    ignored.push({ param: "event", value: view.event, reason: "no such event (it may have been renamed or removed)" });
    view.event = null;
  }
  if (view.layer && !known.layers.has(view.layer)) {
    ignored.push({ param: "layer", value: view.layer, reason: "no such layer" });
    view.layer = null;
  }
  if (view.article && !known.articles.has(view.article)) {
    ignored.push({ param: "article", value: view.article, reason: "no such article (it may have been renamed or removed); the newest is shown" });
    view.article = null;
  }
  if (view.feature && !known.layers.has(view.feature.layer)) {
    ignored.push({ param: "feature", value: `${view.feature.layer}/${view.feature.id}`, reason: "no such layer" });
    view.feature = null;
  }
  const inverted = view.from && view.to ? windowReason(view.from, view.to) : null;
  if (inverted) {
    ignored.push({ param: "to", value: view.to!, reason: inverted });
    view.to = null;
  }
  return { view, ignored };
}

function reasonFor(key: keyof View, value: string): string {
  if (key === "map") return "not a camera ZOOM/LAT/LON[/BEARING[/PITCH]] within range";
  if (key === "types") return "not a list of event types";
  if (key === "q" && value.trim() === "") return `empty or longer than ${MAX_QUERY_LENGTH} characters`;
  const read = readers[key](value);
  return read.ok ? "not accepted" : read.reason;
}
