import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import { sameCamera, type Camera } from "@/lib/view/camera";
import { SELECTION_MAX_ZOOM, cameraOf, framePadding, prefersReducedMotion } from "./camera";
import type { EventsOnMap } from "./event-layers";
import { eventBounds, layersOf, lngLatBounds, markersBounds } from "./framing";
import { eventLayersOn, isGroup, type MapHover } from "./interactions";
import { TILES_SOURCE } from "./event-tiles";
import { loadLayers, loadedFeature } from "./layer-data";
import { overlayIdOf } from "./overlay-layers";
import { FOCUS_SOURCE, focusCollection, type FeatureRef } from "./selection-layers";

/** Highlights wait this long at most for the features' geometry, then draw what they have. */
export const LAYER_WAIT_MS = 1500;

/** What the rest of the app may do with a map; everything else stays inside lib/map. */
export type MapHandle = {
  setVisibleLayers(visible: readonly string[]): void;
  /**
   * Redraws the markers only when given a different array or URL than last time. `known`: the
   * events the page holds (all of them, or the list's rows), to highlight one hovered on the map.
   */
  setEvents(events: EventsOnMap, known: readonly EventHeadline[]): void;
  /** Highlights the event, its places and links; `frame` also moves the camera to show them. */
  setSelection(selected: EventHeadline | null, options: { frame: boolean }): void;
  setSelectedFeature(feature: FeatureRef | null): void;
  setHovered(hovered: MapHover): void;
  /** Moves to a camera (Back/Forward, a pasted link) unless the map is there already. */
  setCamera(camera: Camera): void;
  /** Where the map looks now, rounded as links write it. */
  camera(): Camera;
  /** Frames the selected event again. */
  fitSelection(): void;
  /** Frames the markers of these events (the filtered set the page holds). */
  fitEvents(events: readonly EventHeadline[]): void;
  /** The ids of the events drawn on screen (grouped ones too), west to east: what keyboard stepping walks through. */
  eventsOnScreen(): Promise<string[]>;
  destroy(): void;
};

type HandleOptions = {
  map: MapLibreMap;
  container: HTMLElement;
  layers: readonly LayerSummary[];
  overlayLayerIds: readonly string[];
  events: EventsOnMap;
  known: readonly EventHeadline[];
  selected: EventHeadline | null;
  fill: (layer: string) => void;
  /** Hands new events to the drawn sources (a URL is fetched once). */
  deliverEvents: (events: EventsOnMap) => void;
  /** Stops listeners and removes the map. */
  teardown: () => void;
};

/**
 * What is emphasised on the map (the selection, a picked feature, the hover) and its drawing into
 * the focus source; highlights wait (bounded) for the geometry of layers nobody has shown yet.
 */
function focusPainter(map: MapLibreMap, initial: { selected: EventHeadline | null; known: readonly EventHeadline[] }, isRemoved: () => boolean) {
  const focus = {
    selected: initial.selected,
    known: initial.known,
    selectedFeature: null as FeatureRef | null,
    hovered: null as MapHover,
    refresh() {
      if (isRemoved()) return;
      const hoveredId = focus.hovered?.eventId;
      const hoveredEvent = hoveredId ? (focus.known.find((e) => e.id === hoveredId) ?? null) : null;
      const collection = focusCollection(
        { selected: focus.selected, selectedFeature: focus.selectedFeature, hoveredFeature: focus.hovered?.feature ?? null, hoveredEvent },
        ({ layer, id }) => loadedFeature(layer, id),
      );
      void map.getSource<GeoJSONSource>(FOCUS_SOURCE)?.setData(collection);
    },
    withLayers(ids: string[], then: () => void) {
      void loadLayers(ids, LAYER_WAIT_MS).then(() => {
        if (!isRemoved()) then();
      });
    },
  };
  return focus;
}

/** The handle over a loaded map: what it shows is kept here and pushed to MapLibre's sources. */
export function mapHandle(o: HandleOptions): MapHandle {
  const { map, container } = o;
  let removed = false;
  let events = o.events;
  const focus = focusPainter(map, { selected: o.selected, known: o.known }, () => removed);
  const frame = (bounds: ReturnType<typeof eventBounds>) => {
    if (bounds) map.fitBounds(lngLatBounds(bounds), { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM, animate: !prefersReducedMotion() });
  };

  let selection = 0;
  return {
    setVisibleLayers(visible) {
      const shown = new Set(visible);
      for (const layer of o.layers) if (shown.has(layer.id)) o.fill(layer.id);
      for (const id of o.overlayLayerIds) map.setLayoutProperty(id, "visibility", shown.has(overlayIdOf(id) ?? "") ? "visible" : "none");
    },
    setEvents(next, nextKnown) {
      focus.known = nextKnown;
      if (next === events) return;
      events = next;
      o.deliverEvents(next);
    },
    setSelection(selected, options) {
      const token = ++selection;
      focus.selected = selected;
      focus.refresh();
      if (!selected) return;
      focus.withLayers(layersOf(selected), () => {
        if (token !== selection) return; // a newer selection won
        focus.refresh();
        if (options.frame) frame(eventBounds(selected));
      });
    },
    setSelectedFeature(feature) {
      focus.selectedFeature = feature;
      if (feature) focus.withLayers([feature.layer], focus.refresh);
      else focus.refresh();
    },
    setHovered(hovered) {
      focus.hovered = hovered;
      const layer = hovered?.feature?.layer;
      if (layer) focus.withLayers([layer], focus.refresh);
      else focus.refresh();
    },
    setCamera(camera) {
      // The analyst's own pan or zoom in progress wins over a URL that has not caught up yet.
      if (map.isMoving() || sameCamera(camera, cameraOf(map))) return;
      map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch });
    },
    camera: () => cameraOf(map),
    fitSelection() {
      if (focus.selected) frame(eventBounds(focus.selected));
    },
    fitEvents(shown) {
      frame(markersBounds(shown));
    },
    async eventsOnScreen() {
      const rendered = map.queryRenderedFeatures({ layers: eventLayersOn(map) });
      const placed = new Map<string, number>();
      for (const f of rendered) {
        if (f.geometry.type !== "Point") continue;
        const lon = f.geometry.coordinates[0] ?? 0;
        const id = f.properties.id;
        if (!isGroup(f) && typeof id === "string") placed.set(id, lon);
        if (!isGroup(f)) continue;
        // A tile's group lists its ids when it has few; a large group is reached by zooming in.
        if (f.source === TILES_SOURCE) {
          if (typeof f.properties.ids === "string") for (const one of f.properties.ids.split(" ")) placed.set(one, lon);
          continue;
        }
        // A group's events, in the order its source holds them (a few hundred at most, for keys).
        const source = map.getSource<GeoJSONSource>(f.source);
        const leaves = (await source?.getClusterLeaves(Number(f.properties.cluster_id), 300, 0).catch(() => [])) ?? [];
        for (const leaf of leaves) if (typeof leaf.properties?.id === "string") placed.set(leaf.properties.id, lon);
      }
      return [...placed].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
    },
    destroy() {
      removed = true;
      o.teardown();
    },
  };
}
