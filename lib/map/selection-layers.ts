import { INK, LINK } from "./palette";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleImageInterface } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { linkArcs } from "@/lib/geo/link-arcs";

/** One small source for everything emphasised: rebuilt on selection or hover, never with the events. */
export const FOCUS_SOURCE = "focus";

/** Why a shape is emphasised; each role has its own look. */
export type FocusRole = "in" | "about" | "feature" | "hover" | "link" | "selected-event" | "hovered-event";

export type FeatureRef = { layer: string; id: string };

export type Focus = {
  selected: EventHeadline | null;
  selectedFeature: FeatureRef | null;
  hoveredFeature: FeatureRef | null;
  hoveredEvent: EventHeadline | null;
};

const ARROW = "briefmap:arrow";

const shape = (geometry: Geometry, role: FocusRole, color = INK): Feature => ({ type: "Feature", properties: { role, color }, geometry });

/**
 * The emphasised shapes: the feature the selected event happened in (solid), those it is about
 * (dashed), the arcs between them, the selected/hovered markers and the hovered feature's outline.
 */
export function focusCollection(focus: Focus, lookup: (ref: FeatureRef) => Feature | undefined): FeatureCollection {
  const features: Feature[] = [];
  const outline = (ref: FeatureRef | null | undefined, role: FocusRole) => {
    const found = ref && lookup(ref);
    if (found?.geometry) features.push(shape(found.geometry, role));
  };
  const { selected, hoveredEvent } = focus;
  outline(focus.hoveredFeature, "hover");
  outline(focus.selectedFeature, "feature");
  if (selected) {
    selected.aboutPlaces.forEach((p) => outline(p.feature && p.layer ? { layer: p.layer, id: p.feature } : null, "about"));
    const { layer, feature } = selected.place;
    outline(layer && feature ? { layer, id: feature } : null, "in");
    features.push(...linkArcs(selected).features.map((arc) => shape(arc.geometry, "link", LINK)));
  }
  const marker = (event: EventHeadline, role: FocusRole) =>
    features.push(shape({ type: "Point", coordinates: event.place.point }, role, EVENT_TYPE_INFO[event.type].color));
  if (hoveredEvent && hoveredEvent.id !== selected?.id) marker(hoveredEvent, "hovered-event");
  if (selected) marker(selected, "selected-event");
  return { type: "FeatureCollection", features };
}

export const EMPTY_FOCUS: GeoJSONSourceSpecification = { type: "geojson", data: { type: "FeatureCollection", features: [] } };

const role = (...roles: FocusRole[]): ExpressionSpecification => ["in", ["get", "role"], ["literal", roles]];
const isPoint: ExpressionSpecification = ["==", ["geometry-type"], "Point"];
const notPoint: ExpressionSpecification = ["!=", ["geometry-type"], "Point"];

/** Outlines and links: above the overlays, below the event markers so that those stay clickable. */
export function focusLayersUnderMarkers(): LayerSpecification[] {
  const source = FOCUS_SOURCE;
  return [
    {
      // A white casing keeps the outline visible over any fill colour.
      id: "focus:casing",
      type: "line",
      source,
      filter: ["all", notPoint, role("in", "feature")],
      layout: { "line-join": "round" },
      paint: { "line-color": "#ffffff", "line-width": 6 },
    },
    {
      id: "focus:in",
      type: "line",
      source,
      filter: ["all", notPoint, role("in", "feature")],
      layout: { "line-join": "round" },
      paint: { "line-color": INK, "line-width": 3 },
    },
    {
      // Dashed: the event is about these places, it did not happen there.
      id: "focus:about",
      type: "line",
      source,
      filter: ["all", notPoint, role("about")],
      paint: { "line-color": INK, "line-width": 2.5, "line-dasharray": [2, 1.5] },
    },
    {
      id: "focus:hover",
      type: "line",
      source,
      filter: ["all", notPoint, role("hover")],
      paint: { "line-color": INK, "line-width": 2, "line-opacity": 0.75 },
    },
    {
      // Point features (e.g. Washington in the places layer) get a ring instead of an outline.
      id: "focus:place-ring",
      type: "circle",
      source,
      filter: ["all", isPoint, role("in", "about", "feature", "hover")],
      paint: { "circle-radius": 10, "circle-opacity": 0, "circle-stroke-color": INK, "circle-stroke-width": 2 },
    },
    {
      id: "focus:link",
      type: "line",
      source,
      filter: role("link"),
      layout: { "line-cap": "round" },
      paint: { "line-color": LINK, "line-width": 2.5, "line-dasharray": [3, 2], "line-opacity": 0.9 },
    },
    {
      // Arrows along the arc say which way the link goes: from where it happened to what it is about.
      id: "focus:link-arrows",
      type: "symbol",
      source,
      filter: role("link"),
      layout: {
        "symbol-placement": "line",
        "symbol-spacing": 120,
        "icon-image": ARROW,
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
    },
  ];
}

/** The selected and hovered markers, drawn over clusters so that they show even when clustered. */
export function focusLayersOverMarkers(): LayerSpecification[] {
  return [
    {
      id: "focus:event",
      type: "circle",
      source: FOCUS_SOURCE,
      filter: role("selected-event", "hovered-event"),
      paint: {
        "circle-color": ["get", "color"],
        "circle-radius": ["match", ["get", "role"], "selected-event", 9, 8],
        "circle-stroke-color": INK,
        "circle-stroke-width": ["match", ["get", "role"], "selected-event", 3, 2],
      },
    },
  ];
}

/** The arrowhead as pixels (no sprite sheet in the offline style): a triangle pointing along the line. */
export function arrowImage(size = 13): { id: string; image: StyleImageInterface } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [0xc2, 0x18, 0x5b];
  const half = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Inside when the distance from the middle row shrinks as x moves right: a right-pointing triangle.
      const inside = Math.abs(y - half) <= half * (1 - x / (size - 1)) + 0.5;
      if (!inside) continue;
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { id: ARROW, image: { width: size, height: size, data } };
}
