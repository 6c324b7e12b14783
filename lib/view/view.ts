import { createParser, createSerializer, parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";
import { parseCamera, sameCamera, serializeCamera, type Camera } from "./camera";
import { readDay, readFeatureRef, readId, readIdList, readQuery, valueOr } from "./values";

/**
 * The view URL, defined once: the server page, the print page, the preview image and the client
 * all read and write the view through these parsers, which read each value with lib/view/values.ts
 * (as /api/events does). Invalid values parse to null (absent).
 */
export const viewParsers = {
  map: createParser<Camera>({ parse: parseCamera, serialize: serializeCamera, eq: sameCamera }),
  /** null = the default layers; [] = none. */
  layers: createParser<string[]>({ parse: (v) => valueOr(readIdList(v)), serialize: (ids) => ids.join(","), eq: (a, b) => a.join(",") === b.join(",") }),
  event: createParser<string>({ parse: (v) => valueOr(readId("event")(v)), serialize: String }),
  from: createParser<string>({ parse: (v) => valueOr(readDay(v)), serialize: String }),
  to: createParser<string>({ parse: (v) => valueOr(readDay(v)), serialize: String }),
  types: parseAsArrayOf(parseAsStringLiteral(EVENT_TYPES)),
  q: createParser<string>({ parse: (v) => valueOr(readQuery(v)), serialize: String }),
  /** Only events in, about or inside features of this layer. */
  layer: createParser<string>({ parse: (v) => valueOr(readId("layer")(v)), serialize: String }),
  /** The article in the reader; absent = the newest. It picks what is read, it does not filter events. */
  article: createParser<string>({ parse: (v) => valueOr(readId("article")(v)), serialize: String }),
  /** A map feature picked to list its events, as `layer/feature`. */
  feature: createParser<FeatureRef>({ parse: (v) => valueOr(readFeatureRef(v)), serialize: (f) => `${f.layer}/${f.id}`, eq: (a, b) => a.layer === b.layer && a.id === b.id }),
};

/** A layer's feature, named by both ids. */
export type FeatureRef = { layer: string; id: string };

export type View = {
  map: Camera | null;
  layers: string[] | null;
  event: string | null;
  from: string | null;
  to: string | null;
  types: EventType[] | null;
  q: string | null;
  layer: string | null;
  article: string | null;
  feature: FeatureRef | null;
};

export const EMPTY_VIEW: View = { map: null, layers: null, event: null, from: null, to: null, types: null, q: null, layer: null, article: null, feature: null };

export const VIEW_KEYS = Object.keys(viewParsers) as (keyof View)[];

/** `?map=…&layers=…` for a view; absent values are left out. */
export const serializeView = createSerializer(viewParsers);
