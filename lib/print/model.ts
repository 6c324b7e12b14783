import type { LoadedEvent } from "@/lib/model/event";
import type { EventType } from "@/lib/model/schema";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import { dayLabel, timeLabel } from "@/lib/events/time-label";
import { LEVANT_BOUNDS } from "@/lib/map/camera";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import type { Camera } from "@/lib/view/camera";
import { boundsOfPlaces, type FeatureBBox } from "@/lib/geo/bounds";
import { serializeView, type View } from "@/lib/view/view";
import { sheetLayout, type SheetLayout } from "./layout";
import { PAPER_LABEL } from "./paper";
import type { PrintParams } from "./print-params";

/** The basemap and the glyphs are not layers, but they are on every print and need their credit. */
export const FIXED_ATTRIBUTIONS = ["Basemap: Made with Natural Earth", "Labels: Noto Sans (SIL OFL 1.1)"];

/** The frame when a view has neither a camera nor events to fit. */
const DEFAULT_FRAME: BBox = LEVANT_BOUNDS;

export type PrintEvent = {
  id: string;
  type: EventType;
  title: string;
  summary: string;
  dateLabel: string;
  quotes: string[];
  point: [number, number];
};

export type FocusFeature = { layer: string; feature: string; role: "in" | "about" };

/** Everything a print needs, computed once on the server and handed to the page or the export buttons. */
export type PrintModel = {
  title: string;
  print: PrintParams;
  paperLabel: string;
  layout: SheetLayout;
  /** The view's own query without "?", e.g. "map=8/33/35.9&event=paris-talks". */
  viewQuery: string;
  /** The dashboard link that reopens this view, absolute. */
  link: string;
  viewDate: string;
  timeWindow: string;
  printedAt: string;
  camera: Camera | null;
  /** What to fit when there is no camera: the selected event's places, else the events in view. */
  frame: BBox;
  layers: LayerSummary[];
  visible: string[];
  eventTypes: { type: EventType; label: string; color: string }[];
  events: PrintEvent[];
  selectedId: string | null;
  focus: FocusFeature[];
  attributions: string[];
};

/** "Events matching “x” · Strike, Protest · from 1 Jul 2025": what a filtered view shows, in words. */
export function filterDescription(view: View, layerTitle: (id: string) => string | undefined): string | null {
  const parts: string[] = [];
  if (view.q) parts.push(`Events matching “${view.q}”`);
  if (view.types?.length) parts.push(view.types.map((t) => EVENT_TYPE_INFO[t].label).join(", "));
  if (view.layer) parts.push(`Events in ${layerTitle(view.layer) ?? view.layer}`);
  if (view.from || view.to) parts.push(timeWindowLabel(view));
  return parts.length ? parts.join(" · ") : null;
}

export function timeWindowLabel(view: Pick<View, "from" | "to">): string {
  if (view.from && view.to) return `${dayLabel(view.from)} – ${dayLabel(view.to)}`;
  if (view.from) return `from ${dayLabel(view.from)}`;
  if (view.to) return `until ${dayLabel(view.to)}`;
  return "all dates";
}

/**
 * What a print is drawn from, read from the store by the caller (app/print/read-print.ts): the
 * layers, the events in view (at most a page's worth), the selected event and its features' extents.
 */
export type PrintInputs = {
  layers: LayerSummary[];
  events: LoadedEvent[];
  selected: LoadedEvent | null;
  featureBBox: FeatureBBox;
};

function frameOf(featureBBox: FeatureBBox, selected: LoadedEvent | null, events: LoadedEvent[]): BBox {
  const places = selected ? [selected.place, ...selected.aboutPlaces] : events.map((e) => e.place);
  // Points only when no event is selected: a list of region-level events would otherwise frame whole countries.
  return boundsOfPlaces(places, selected ? featureBBox : () => undefined) ?? DEFAULT_FRAME;
}

/** Composes the print of a view; `now` is passed in so that tests and the page agree on the date. */
export function printModel({ layers, events, selected, featureBBox }: PrintInputs, view: View, print: PrintParams, origin: string, now: Date): PrintModel {
  const visible = view.layers ?? layers.filter((l) => l.defaultVisible).map((l) => l.id);
  const shown = layers.filter((l) => visible.includes(l.id));
  const layerTitle = (id: string) => layers.find((l) => l.id === id)?.title;
  const title = print.title ?? selected?.title ?? filterDescription(view, layerTitle) ?? "Situation map";
  const query = serializeView(view).replace(/^\?/, "");
  const today = now.toISOString().slice(0, 10);
  const types = [...new Set(events.map((e) => e.type))];
  const focus: FocusFeature[] = selected
    ? [
        ...(selected.place.layer && selected.place.feature ? [{ layer: selected.place.layer, feature: selected.place.feature, role: "in" as const }] : []),
        ...selected.aboutPlaces.flatMap((p) => (p.layer && p.feature ? [{ layer: p.layer, feature: p.feature, role: "about" as const }] : [])),
      ]
    : [];
  return {
    title,
    print,
    paperLabel: PAPER_LABEL[print.paper],
    layout: sheetLayout(print.paper, print.orientation, print.list),
    viewQuery: query,
    link: `${origin}/${query ? `?${query}` : ""}`,
    viewDate: dayLabel(today),
    timeWindow: timeWindowLabel(view),
    printedAt: `${dayLabel(today)}, ${now.toISOString().slice(11, 16)} UTC`,
    camera: view.map,
    frame: frameOf(featureBBox, selected, events),
    layers,
    visible: shown.map((l) => l.id),
    eventTypes: types.map((type) => ({ type, ...EVENT_TYPE_INFO[type] })),
    // The selected event leads the list: it is what the sheet is about, and the list may be cut short.
    events: [...events].sort((a, b) => Number(b.id === selected?.id) - Number(a.id === selected?.id)).map((e) => ({
      id: e.id,
      type: e.type,
      title: e.title,
      summary: e.summary,
      dateLabel: timeLabel(e.time),
      quotes: e.sources.map((s) => s.quote),
      point: e.place.point,
    })),
    selectedId: selected?.id ?? null,
    focus,
    attributions: [...new Set(shown.flatMap((l) => l.attribution))].concat(FIXED_ATTRIBUTIONS),
  };
}
