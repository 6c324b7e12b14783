import type { BriefData } from "@/lib/data/load";
import type { LoadedEvent } from "@/lib/data/read-article";
import { filterEvents } from "@/lib/events/filter";
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
  const events = filterEvents(data.events, {
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
