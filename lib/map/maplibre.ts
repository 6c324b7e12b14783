import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { Camera } from "@/lib/view/camera";
import { FONT_ATTRIBUTION, basemapStyle } from "./basemap-style";
import { AREA_EVENTS_SOURCE, EVENTS_SOURCE, areaEventLayers, areaEventsSource, eventLayers, eventsSource, type EventsOnMap } from "./event-layers";
import { cameraOptions, eventBounds, layersOf } from "./framing";
import { wireInteractions, type MapCallbacks } from "./interactions";
import { loadLayer, loadLayers } from "./layer-data";
import { layerFiller } from "./layer-filling";
import { LAYER_WAIT_MS, mapHandle, type MapHandle } from "./map-handle";
import { withOverlays } from "./map-style";
import { overlayLayers } from "./overlay-layers";
import { PointerReadout } from "./pointer-readout";
import { eventDelivery, initialData } from "./event-delivery";
import { TILES_SOURCE, tileLayers, tileSource } from "./event-tiles";
import { EMPTY_FOCUS, FOCUS_SOURCE, arrowImage, focusLayersOverMarkers, focusLayersUnderMarkers } from "./selection-layers";
import { loadMapLibre } from "./load-maplibre";

export type { MapHandle } from "./map-handle";

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

/** Creates a map in `container` with the offline basemap, the app's layers, the events and the usual controls. */
export async function createMap(container: HTMLElement, options: CreateMapOptions): Promise<MapHandle> {
  // Layer features load in parallel with MapLibre; a selection opened from a link waits for its
  // places' extents (bounded) so that the first frame is already the right one.
  options.visible.forEach((id) => void loadLayer(id).catch(() => {}));
  const framing = !options.camera && options.selected ? loadLayers(layersOf(options.selected), LAYER_WAIT_MS) : undefined;
  const [maplibre] = await Promise.all([loadMapLibre(), framing]);
  options.signal?.throwIfAborted();

  const overlays = overlayLayers(options.layers, options.visible);
  const style = withOverlays(basemapStyle(window.location.origin), overlays);
  style.sources[EVENTS_SOURCE] = { ...eventsSource([]), data: initialData(options.events) };
  style.sources[AREA_EVENTS_SOURCE] = { ...areaEventsSource([]), data: initialData(options.events) };
  style.sources[FOCUS_SOURCE] = EMPTY_FOCUS;
  // A large set is drawn from the server's vector tiles from the first frame on (lib/map/event-tiles.ts).
  const tiles = typeof options.events === "string" ? tileLayers() : [];
  if (typeof options.events === "string") style.sources[TILES_SOURCE] = tileSource(options.events);
  const over = focusLayersOverMarkers();
  style.layers.push(...focusLayersUnderMarkers(), ...areaEventLayers(), ...eventLayers(), ...tiles, ...over);

  const map = new maplibre.Map({
    container,
    style,
    ...cameraOptions(options.camera, options.selected && !options.camera ? eventBounds(options.selected) : null, container),
    // Credits fold behind MapLibre's "i" button on narrow maps (compact), so they never cover a phone's map.
    attributionControl: { customAttribution: FONT_ATTRIBUTION, compact: container.clientWidth < 640 },
  });
  map.addControl(new maplibre.NavigationControl({ visualizePitch: true }), "top-right");
  map.addControl(new maplibre.ScaleControl({ unit: "metric" }), "bottom-left");
  map.addControl(new PointerReadout(), "top-right");

  let removed = false;
  const filler = layerFiller(map, { onLoading: options.onLoading, onIdle: options.onIdle, isRemoved: () => removed });
  const deliver = eventDelivery(map, over[0]?.id);
  const deliverEvents = (events: EventsOnMap) => {
    options.onLoading?.();
    deliver(events);
  };
  if (options.onIdle) map.on("idle", () => !filler.busy() && options.onIdle?.());
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
  // MapLibre opens compact credits at first; on a phone they would cover the map's bottom, so they start folded.
  const credits = container.querySelector(".maplibregl-ctrl-attrib.maplibregl-compact");
  credits?.classList.remove("maplibregl-compact-show");
  credits?.removeAttribute("open");
  const arrow = arrowImage();
  map.addImage(arrow.id, arrow.image);
  const unwire = wireInteractions(map, options.layers, options.callbacks);

  const handle = mapHandle({
    map,
    container,
    layers: options.layers,
    overlayLayerIds: overlays.layers.map((l) => l.id),
    events: options.events,
    known: options.known,
    selected: options.selected,
    fill: filler.fill,
    deliverEvents,
    teardown: () => {
      removed = true;
      unwire();
      map.remove();
    },
  });
  // The selection from the URL is highlighted at once; it was framed by the constructor.
  if (options.selected) handle.setSelection(options.selected, { frame: false });
  return handle;
}
