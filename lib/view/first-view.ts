import bbox from "@turf/bbox";
import type { BriefData } from "@/lib/data/load";
import type { BBox } from "@/lib/model/layer-summary";
import type { FeatureBBox } from "@/lib/geo/bounds";
import type { LoadedEvent } from "@/lib/model/event";
import { serverDigest, timeSpanKey, type EventDigest } from "@/lib/events/digest";
import { findEvents } from "@/lib/events/index-events";
import { eventQueryString } from "./event-query";
import type { KnownIds } from "./read-view";
import type { View } from "./view";

/** The ids a link may name in this data. */
export function knownIds(data: BriefData): KnownIds {
  return { layers: new Set(data.layers.map((l) => l.manifest.id)), events: new Set(data.events.map((e) => e.id)) };
}

/** The events a view shows, as the server computes them for the first HTML. */
export function eventsOfView(data: BriefData, view: View): { query: string; events: LoadedEvent[]; selected: LoadedEvent | null } {
  const layer = view.layer ? data.layers.find((l) => l.manifest.id === view.layer) : undefined;
  const events = findEvents(data.events, {
    from: view.from ?? undefined,
    to: view.to ?? undefined,
    types: view.types ?? undefined,
    q: view.q ?? undefined,
    layer: layer ? { id: layer.manifest.id, features: layer.data.features } : undefined,
  });
  const selected = view.event ? (data.events.find((e) => e.id === view.event) ?? null) : null;
  return { query: eventQueryString(view), events, selected };
}

/** A page title that says what the view shows. */
export function viewTitle(view: View, selected: LoadedEvent | null): string | undefined {
  if (selected) return selected.title;
  if (view.q) return `Events matching “${view.q}”`;
  return undefined;
}

/** Above this many events the first HTML carries none and the client fetches them: pages stay light. */
export const MAX_INLINE_EVENTS = 2000;

/**
 * The first view's events as the page carries them: every one when few, else only their digest
 * (list rows, counts, time spans), the map then fetching the events itself.
 */
export function firstEvents(first: ReturnType<typeof eventsOfView>, articleId: string | undefined): FirstEvents {
  if (first.events.length <= MAX_INLINE_EVENTS) return { ...first, complete: true };
  return { ...first, events: [], complete: false, digest: serverDigest(first.events, articleId) };
}

export type FirstEvents = ReturnType<typeof eventsOfView> & ({ complete: true } | { complete: false; digest: EventDigest });

/** The distinct time spans of all events: enough for the timeline's axis, whatever the number of events. */
export function timeAxis(events: LoadedEvent[]): { id: string; time: LoadedEvent["time"] }[] {
  const seen = new Map<string, { id: string; time: LoadedEvent["time"] }>();
  for (const e of events) {
    const key = timeSpanKey(e.time);
    if (!seen.has(key)) seen.set(key, { id: e.id, time: e.time });
  }
  return [...seen.values()];
}

/** The layers a view shows: the link's list, else every layer visible by default. */
export function visibleLayerIds(data: BriefData, view: Pick<View, "layers">): string[] {
  return view.layers ?? data.layers.filter((l) => l.manifest.defaultVisible).map((l) => l.manifest.id);
}

/** Looks up a loaded feature's extent on the server, for framing prints and previews. */
export function featureBBoxIn(data: BriefData): FeatureBBox {
  return (layer, feature) => {
    const found = data.layers.find((l) => l.manifest.id === layer)?.data.features.find((f) => f.id === feature);
    return found ? (bbox(found) as BBox) : undefined;
  };
}
