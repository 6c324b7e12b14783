import { EMPTY_VIEW, VIEW_KEYS, viewParsers, type View } from "./view";
import { MAX_QUERY_LENGTH } from "./values";

/** A part of a link that could not be applied, said back to the analyst. */
export type IgnoredParam = { param: string; value: string; reason: string };

export type SearchParams = Record<string, string | string[] | undefined>;

/** What the link may name, so that unknown ids are dropped rather than shown as empty views. */
export type KnownIds = { layers: ReadonlySet<string>; events: ReadonlySet<string> };

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
    const value = Array.isArray(raw) ? raw[0] ?? "" : raw;
    if (Array.isArray(raw) && raw.length > 1) ignored.push({ param: key, value: raw.slice(1).join(", "), reason: "given more than once; the first value is used" });
    const parsed = viewParsers[key].parse(value);
    if (parsed === null) {
      if (value !== "" || key === "map" || key === "event") ignored.push({ param: key, value: clip(value), reason: reasonFor(key) });
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
    const given = String(Array.isArray(search.types) ? search.types[0] : search.types).split(",");
    const unknown = given.filter((t) => t && !view.types!.includes(t as never));
    if (unknown.length) ignored.push({ param: "types", value: clip(unknown.join(",")), reason: "not an event type" });
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
  if (view.feature && !known.layers.has(view.feature.layer)) {
    ignored.push({ param: "feature", value: `${view.feature.layer}/${view.feature.id}`, reason: "no such layer" });
    view.feature = null;
  }
  if (view.from && view.to && view.from > view.to) {
    ignored.push({ param: "to", value: view.to, reason: `before "from" (${view.from})` });
    view.to = null;
  }
  return { view, ignored };
}

function reasonFor(key: keyof View): string {
  switch (key) {
    case "map":
      return "not a camera ZOOM/LAT/LON[/BEARING[/PITCH]] within range";
    case "layers":
      return "not a comma-separated list of layer ids";
    case "event":
      return "not an event id";
    case "from":
    case "to":
      return "not a calendar date YYYY-MM-DD";
    case "types":
      return "not a list of event types";
    case "q":
      return `empty or longer than ${MAX_QUERY_LENGTH} characters`;
    case "layer":
      return "not a layer id";
    case "feature":
      return "not a feature LAYER/ID";
  }
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
