import { createParser, createSerializer, parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";
import { parseCamera, sameCamera, serializeCamera, type Camera } from "./camera";
import { MAX_LIST_ITEMS, parseDay, parseQuery, parseSlug, splitList } from "./values";

/**
 * The view URL, defined once: the server page, the print page, the preview image and the client
 * all read and write the view through these parsers. Invalid values parse to null (absent).
 */
export const viewParsers = {
  map: createParser<Camera>({ parse: parseCamera, serialize: serializeCamera, eq: sameCamera }),
  /** null = the default layers; [] = none. */
  layers: createParser<string[]>({
    parse: (v) => {
      const ids = splitList(v);
      return ids.length <= MAX_LIST_ITEMS && ids.every((id) => parseSlug(id)) ? ids : null;
    },
    serialize: (ids) => ids.join(","),
    eq: (a, b) => a.join(",") === b.join(","),
  }),
  event: createParser<string>({ parse: parseSlug, serialize: String }),
  from: createParser<string>({ parse: parseDay, serialize: String }),
  to: createParser<string>({ parse: parseDay, serialize: String }),
  types: parseAsArrayOf(parseAsStringLiteral(EVENT_TYPES)),
  q: createParser<string>({ parse: parseQuery, serialize: String }),
  /** Only events in, about or inside features of this layer. */
  layer: createParser<string>({ parse: parseSlug, serialize: String }),
  /** A map feature picked to list its events, as `layer/feature`. */
  feature: createParser<FeatureRef>({ parse: parseFeatureRef, serialize: (f) => `${f.layer}/${f.id}`, eq: (a, b) => a.layer === b.layer && a.id === b.id }),
};

/** A layer's feature, named by both ids. */
export type FeatureRef = { layer: string; id: string };

function parseFeatureRef(value: string): FeatureRef | null {
  const [layer, id, ...rest] = value.split("/");
  if (rest.length > 0 || !layer || !id) return null;
  return parseSlug(layer) && parseSlug(id) ? { layer, id } : null;
}

export type View = {
  map: Camera | null;
  layers: string[] | null;
  event: string | null;
  from: string | null;
  to: string | null;
  types: EventType[] | null;
  q: string | null;
  layer: string | null;
  feature: FeatureRef | null;
};

export const EMPTY_VIEW: View = { map: null, layers: null, event: null, from: null, to: null, types: null, q: null, layer: null, feature: null };

export const VIEW_KEYS = Object.keys(viewParsers) as (keyof View)[];

/** `?map=…&layers=…` for a view; absent values are left out. */
export const serializeView = createSerializer(viewParsers);
