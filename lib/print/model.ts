import type { LoadedEvent } from "@/lib/model/event";
import { headlineOf, type EventHeadline } from "@/lib/model/event-headline";
import type { EventType } from "@/lib/model/schema";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import { dayLabel, timeLabel } from "@/lib/events/time-label";
import { LEVANT_BOUNDS } from "@/lib/map/camera";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import type { Camera } from "@/lib/view/camera";
import { bboxOfPositions, boundsOfPlaces, type FeatureBBox } from "@/lib/geo/bounds";
import { linkArcs } from "@/lib/geo/link-arcs";
import { serializeView, type View } from "@/lib/view/view";
import { sheetLayout, type SheetLayout } from "./layout";
import { PAPER_LABEL } from "./paper";
import type { PrintParams } from "./print-params";

/** The basemap and the glyphs are not layers, but they are on every print and need their credit. */
export const FIXED_ATTRIBUTIONS = ["Basemap: Made with Natural Earth", "Labels: Noto Sans (SIL OFL 1.1)"];

/** The frame when a view has neither a camera nor events to fit. */
const DEFAULT_FRAME: BBox = LEVANT_BOUNDS;

/** An event as the sheet lists it and the print map draws it (the map's own headline form). */
export type PrintEvent = EventHeadline & {
  summary: string;
  dateLabel: string;
  quotes: string[];
};

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
  /**
   * The dashboard's camera, used only when the sheet has nothing to frame (no selected event and no
   * events in view): a print is framed on what it is about, fitted to the sheet's own map box, because
   * the dashboard's camera was chosen for another shape of screen and cropped the subject away.
   */
  camera: Camera | null;
  /** What the print map fits: the selected event's places and links, else the events in view. */
  frame: BBox;
  layers: LayerSummary[];
  visible: string[];
  eventTypes: { type: EventType; label: string; color: string }[];
  events: PrintEvent[];
  /** How many events the view matches; more than `events` when the sheet lists only the first of a large set. */
  matching: number;
  selectedId: string | null;
  /** The selected event as the map highlights it: its places outlined, its links drawn. */
  selected: EventHeadline | null;
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
  /** How many events the view matches, when `events` is only the first of them. */
  matching?: number;
  selected: LoadedEvent | null;
  featureBBox: FeatureBBox;
};

/** What the sheet is about: the selected event's places (whole features) and its links, else the events' points. */
function subjectOf(featureBBox: FeatureBBox, selected: LoadedEvent | null, events: LoadedEvent[]): BBox | null {
  if (selected) {
    const arcs = linkArcs(selected).features.map((f) => bboxOfPositions(f.geometry.coordinates)).filter((b): b is BBox => b !== null);
    return boundsOfPlaces([selected.place, ...selected.aboutPlaces], featureBBox, arcs);
  }
  // Points only when no event is selected: a list of region-level events would otherwise frame whole countries.
  return boundsOfPlaces(events.map((e) => e.place), () => undefined);
}

/** Composes the print of a view; `now` is passed in so that tests and the page agree on the date. */
export function printModel({ layers, events, matching, selected, featureBBox }: PrintInputs, view: View, print: PrintParams, origin: string, now: Date): PrintModel {
  const visible = view.layers ?? layers.filter((l) => l.defaultVisible).map((l) => l.id);
  const shown = layers.filter((l) => visible.includes(l.id));
  const layerTitle = (id: string) => layers.find((l) => l.id === id)?.title;
  const title = print.title ?? selected?.title ?? filterDescription(view, layerTitle) ?? "Situation map";
  const query = serializeView(view).replace(/^\?/, "");
  const today = now.toISOString().slice(0, 10);
  const types = [...new Set(events.map((e) => e.type))];
  const subject = subjectOf(featureBBox, selected, events);
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
    camera: subject ? null : view.map,
    frame: subject ?? DEFAULT_FRAME,
    layers,
    visible: shown.map((l) => l.id),
    eventTypes: types.map((type) => ({ type, ...EVENT_TYPE_INFO[type] })),
    // The selected event leads the list: it is what the sheet is about, and the list may be cut short.
    events: [...events].sort((a, b) => Number(b.id === selected?.id) - Number(a.id === selected?.id)).map((e) => ({
      ...headlineOf(e),
      summary: e.summary,
      dateLabel: timeLabel(e.time),
      quotes: e.sources.map((s) => s.quote),
    })),
    matching: Math.max(matching ?? 0, events.length),
    selectedId: selected?.id ?? null,
    selected: selected ? headlineOf(selected) : null,
    attributions: [...new Set(shown.flatMap((l) => l.attribution))].concat(FIXED_ATTRIBUTIONS),
  };
}
