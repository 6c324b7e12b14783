import type { GeoJSONSource, LngLatBoundsLike, MapOptions } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import { bboxOfPositions, boundsOfPlaces } from "@/lib/geo/bounds";
import { linkArcs } from "@/lib/geo/link-arcs";
import type { Camera } from "@/lib/view/camera";
import { FONT_ATTRIBUTION, basemapStyle } from "./basemap-style";
import { LEVANT_BOUNDS, SELECTION_MAX_ZOOM, framePadding, prefersReducedMotion } from "./camera";
import { EVENTS_SOURCE, eventLayers, eventsData, eventsSource, type EventsOnMap } from "./event-layers";
import { wireInteractions, type MapCallbacks, type MapHover } from "./interactions";
import { featureBBox, loadLayer, loadLayers, loadedFeature } from "./layer-data";
import { withOverlays } from "./map-style";
import { overlayIdOf, overlayLayers, overlaySourceId } from "./overlay-layers";
import { EMPTY_FOCUS, FOCUS_SOURCE, arrowImage, focusCollection, focusLayersOverMarkers, focusLayersUnderMarkers, type FeatureRef } from "./selection-layers";
import { loadMapLibre } from "./load-maplibre";

/** What the rest of the app may do with a map; everything else stays inside this module. */
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
  destroy(): void;
};

export type CreateMapOptions = {
  layers: readonly LayerSummary[];
  visible: readonly string[];
  events: EventsOnMap;
  /** The events the page holds, to highlight one hovered on the map (see MapHandle.setEvents). */
  known: readonly EventHeadline[];
  selected: EventHeadline | null;
  /** From the URL; without one the map frames the selected event, or else the Levant. */
  camera?: Camera;
  callbacks: MapCallbacks;
  /** The map has drawn everything it knows about (MapLibre's `idle`) and no layer is still being fetched. */
  onIdle?: () => void;
  /** The map started fetching or parsing data again. */
  onLoading?: () => void;
  /** Part of the offline basemap (land, labels, fonts) failed to load; overlays and events still draw. */
  onBasemapError?: (message: string) => void;
  /** Aborted when the caller no longer wants the map (e.g. React unmounted while MapLibre loaded). */
  signal?: AbortSignal;
};


/** Selection framing waits this long for feature extents at most, then frames the markers. */
const LAYER_WAIT_MS = 1500;

const layersOf = (event: EventHeadline) =>
  [event.place, ...event.aboutPlaces].flatMap((p) => (p.layer ? [p.layer] : []));

/** What a camera must show for an event: its places (whole features when loaded) and its links. */
function eventBounds(event: EventHeadline): BBox | null {
  const arcs = linkArcs(event).features.map((f) => bboxOfPositions(f.geometry.coordinates)).filter((b): b is BBox => b !== null);
  return boundsOfPlaces([event.place, ...event.aboutPlaces], featureBBox, arcs);
}

const lngLatBounds = ([west, south, east, north]: BBox): LngLatBoundsLike => [[west, south], [east, north]];

function cameraOptions(camera: Camera | undefined, frame: BBox | null, container: HTMLElement): Partial<MapOptions> {
  if (camera) {
    const { lon, lat, zoom, bearing, pitch } = camera;
    return { center: [lon, lat], zoom, bearing, pitch };
  }
  if (frame) return { bounds: lngLatBounds(frame), fitBoundsOptions: { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM } };
  return { bounds: lngLatBounds(LEVANT_BOUNDS), fitBoundsOptions: { padding: 24 } };
}

/** Creates a map in `container` with the offline basemap, the app's layers and the events. */
export async function createMap(container: HTMLElement, options: CreateMapOptions): Promise<MapHandle> {
  // Layer features load in parallel with MapLibre; a selection opened from a link waits for its
  // places' extents (bounded) so that the first frame is already the right one.
  options.visible.forEach((id) => void loadLayer(id).catch(() => {}));
  const framing = !options.camera && options.selected ? loadLayers(layersOf(options.selected), LAYER_WAIT_MS) : undefined;
  const [maplibre] = await Promise.all([loadMapLibre(), framing]);
  options.signal?.throwIfAborted();

  const overlays = overlayLayers(options.layers, options.visible);
  const style = withOverlays(basemapStyle(window.location.origin), overlays);
  style.sources[EVENTS_SOURCE] = eventsSource(options.events);
  style.sources[FOCUS_SOURCE] = EMPTY_FOCUS;
  style.layers.push(...focusLayersUnderMarkers(), ...eventLayers(), ...focusLayersOverMarkers());

  const map = new maplibre.Map({
    container,
    style,
    ...cameraOptions(options.camera, options.selected && !options.camera ? eventBounds(options.selected) : null, container),
    // Full credits on wide maps; on narrow ones MapLibre folds them behind its "i" button, open at first.
    attributionControl: { customAttribution: FONT_ATTRIBUTION },
  });
  let fetching = 0;
  if (options.onIdle) map.on("idle", () => fetching === 0 && options.onIdle?.());
  if (options.onLoading) map.on("dataloading", options.onLoading);
  // A listener replaces MapLibre's own console report, so other errors are reported here as before.
  map.on("error", (event) => {
    const { error, sourceId } = event as unknown as { error?: Error; sourceId?: string };
    const message = error?.message ?? "unknown error";
    if (sourceId?.startsWith("basemap") || /glyph|\/basemap\//i.test(message)) options.onBasemapError?.(message);
    else console.error("[briefmap map]", error ?? event);
  });
  // Layout changes throw until the style is parsed; the handle is only given out after that.
  await map.once("style.load");
  if (options.signal?.aborted) {
    map.remove();
    options.signal.throwIfAborted();
  }
  const arrow = arrowImage();
  map.addImage(arrow.id, arrow.image);
  const unwire = wireInteractions(map, options.layers, options.callbacks);
  let removed = false;

  // Layers whose features were put into their source already; hiding a layer keeps its data.
  const filled = new Set<string>();
  const fill = (id: string) => {
    if (filled.has(id)) return;
    filled.add(id);
    fetching++;
    options.onLoading?.();
    loadLayer(id)
      .then((collection) => {
        if (!removed) void map.getSource<GeoJSONSource>(overlaySourceId(id))?.setData(collection);
      })
      .catch((error: unknown) => {
        filled.delete(id); // showing the layer again retries
        if (!removed) console.error(`Map: layer "${id}" could not be loaded`, error);
      })
      .finally(() => {
        fetching--;
        // setData makes MapLibre load and go idle again; without it the map may be idle already.
        if (fetching === 0 && !removed && map.loaded()) options.onIdle?.();
      });
  };

  let events = options.events;
  let known = options.known;
  const focus = { selected: options.selected, selectedFeature: null as FeatureRef | null, hovered: null as MapHover };
  const eventById = (id: string | undefined) => (id ? known.find((e) => e.id === id) ?? null : null);
  const lookup = ({ layer, id }: FeatureRef) => loadedFeature(layer, id);
  const refreshFocus = () => {
    if (removed) return;
    const collection = focusCollection(
      {
        selected: focus.selected,
        selectedFeature: focus.selectedFeature,
        hoveredFeature: focus.hovered?.feature ?? null,
        hoveredEvent: eventById(focus.hovered?.eventId),
      },
      lookup,
    );
    void map.getSource<GeoJSONSource>(FOCUS_SOURCE)?.setData(collection);
  };
  // Highlights need the features' geometry, which may be in a layer nobody has shown yet.
  const withLayers = (ids: string[], then: () => void) => {
    void loadLayers(ids, LAYER_WAIT_MS).then(() => {
      if (!removed) then();
    });
  };

  let selection = 0;
  const handle: MapHandle = {
    setVisibleLayers(visible) {
      const shown = new Set(visible);
      for (const layer of options.layers) if (shown.has(layer.id)) fill(layer.id);
      for (const { id } of overlays.layers) {
        const on = shown.has(overlayIdOf(id) ?? "");
        map.setLayoutProperty(id, "visibility", on ? "visible" : "none");
      }
    },
    setEvents(next, nextKnown) {
      known = nextKnown;
      if (next === events) return;
      events = next;
      void map.getSource<GeoJSONSource>(EVENTS_SOURCE)?.setData(eventsData(next));
    },
    setSelection(selected, { frame }) {
      const token = ++selection;
      focus.selected = selected;
      refreshFocus();
      if (!selected) return;
      withLayers(layersOf(selected), () => {
        if (token !== selection) return; // a newer selection won
        refreshFocus();
        const bounds = frame ? eventBounds(selected) : null;
        if (!bounds) return;
        const animate = !prefersReducedMotion();
        map.fitBounds(lngLatBounds(bounds), { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM, animate });
      });
    },
    setSelectedFeature(feature) {
      focus.selectedFeature = feature;
      if (feature) withLayers([feature.layer], refreshFocus);
      else refreshFocus();
    },
    setHovered(hovered) {
      focus.hovered = hovered;
      const layer = hovered?.feature?.layer;
      if (layer) withLayers([layer], refreshFocus);
      else refreshFocus();
    },
    destroy() {
      removed = true;
      unwire();
      map.remove();
    },
  };
  // The selection from the URL is highlighted at once; it was framed by the constructor.
  if (options.selected) handle.setSelection(options.selected, { frame: false });
  return handle;
}
