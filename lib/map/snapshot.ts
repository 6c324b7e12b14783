import type { GeoJSONSourceSpecification, Map as MapLibreMap, MapOptions, StyleSpecification } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import { fitResolution, type Resolution } from "@/lib/print/layout";
import type { Camera } from "@/lib/view/camera";
import { basemapStyle } from "./basemap-style";
import { SELECTION_MAX_ZOOM, framePadding } from "./camera";
import { EVENTS_SOURCE, eventLayers, eventsSource } from "./event-layers";
import { loadLayer, loadedFeature } from "./layer-data";
import { withOverlays } from "./map-style";
import { overlayLayers, overlaySourceId } from "./overlay-layers";
import { FOCUS_SOURCE, arrowImage, focusCollection, focusLayersOverMarkers, focusLayersUnderMarkers } from "./selection-layers";
import { loadMapLibre } from "./load-maplibre";

/** Exporting a partly drawn map beats hanging forever, so every wait is bounded (STYLE.md habit 9). */
const SNAPSHOT_IDLE_TIMEOUT_MS = 20_000;

export type SnapshotInput = {
  origin: string;
  layers: readonly LayerSummary[];
  visible: readonly string[];
  events: readonly EventHeadline[];
  /** Highlighted as on the dashboard: its places outlined (dashed: what it is about), its links drawn. */
  selected: EventHeadline | null;
  /** Only when there is nothing to frame; otherwise `frame` is fitted to the map box. */
  camera: Camera | null;
  frame: BBox;
  size: { cssWidth: number; cssHeight: number };
  dpi: number;
  idleTimeoutMs?: number;
  onProgress?: (step: string) => void;
  signal?: AbortSignal;
};

export type Snapshot = {
  dataUrl: string;
  width: number;
  height: number;
  resolution: Resolution;
  /** The camera the image was drawn with (after fitting), for the scale bar and north arrow. */
  camera: { zoom: number; lat: number; lon: number; bearing: number; pitch: number };
  /** What the image shows, west, south, east, north. */
  bounds: BBox;
  /** False when `idle` did not come in time: the image is what was drawn by then. */
  complete: boolean;
  /** Layers whose features could not be loaded (drawn without them). */
  missingLayers: string[];
  elapsedMs: number;
};

/**
 * The longest canvas side this browser can draw: MapLibre's default maxCanvasSize (4096) would
 * silently lower the pixel ratio, so the real limit is read from WebGL and the caller says so.
 */
function drawableLimit(): number {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!gl) throw new Error("This browser cannot draw the map: WebGL is switched off or unavailable.");
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const limit = Math.min(
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    viewport[0] ?? 0,
    viewport[1] ?? 0,
  );
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return limit;
}

const layersOf = (event: EventHeadline | null) => (event ? [event.place, ...event.aboutPlaces].flatMap((p) => (p.layer ? [p.layer] : [])) : []);

/** The dashboard's layer fetch, bounded by the deadline; layers that did not arrive are named. */
async function fetchLayers(input: SnapshotInput, deadline: number): Promise<{ missing: string[] }> {
  const ids = [...new Set([...input.visible, ...layersOf(input.selected)])];
  const arrived = await Promise.all(ids.map((id) => within(loadLayer(id), deadline)));
  return { missing: ids.filter((_, i) => !arrived[i]) };
}

/** The dashboard's style (basemap, overlays, focus and markers), with the layers' data in place and no clustering. */
async function printStyle(input: SnapshotInput, missing: readonly string[]): Promise<StyleSpecification> {
  const overlays = overlayLayers(input.layers, input.visible);
  for (const id of input.visible) {
    const source = overlays.sources[overlaySourceId(id)];
    if (source && !missing.includes(id)) source.data = await loadLayer(id);
  }
  const style = withOverlays(basemapStyle(input.origin), overlays);
  const focus: GeoJSONSourceSpecification = {
    type: "geojson",
    data: focusCollection({ selected: input.selected, selectedFeature: null, hoveredFeature: null, hoveredEvent: null }, ({ layer, id }) => loadedFeature(layer, id)),
  };
  // Paper cannot be clicked open: every event is its own marker, never a cluster.
  const events: GeoJSONSourceSpecification = { ...eventsSource(input.events), cluster: false };
  return {
    ...style,
    sources: { ...style.sources, [EVENTS_SOURCE]: events, [FOCUS_SOURCE]: focus },
    layers: [...style.layers, ...focusLayersUnderMarkers(), ...eventLayers(), ...focusLayersOverMarkers()],
  };
}

/** Resolves true when `promise` settles before `deadline`, false when the deadline comes first. */
function within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    promise.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(false)),
    );
  });
}

function cameraOptions(input: SnapshotInput, container: HTMLElement): Partial<MapOptions> {
  if (!input.camera) return { bounds: input.frame, fitBoundsOptions: { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM } };
  const { lon, lat, zoom, bearing, pitch } = input.camera;
  return { center: [lon, lat], zoom, bearing, pitch };
}

/**
 * Renders a view on an off-screen map at print resolution and returns it as a JPEG data URL. The
 * map is interactive-free, fades nothing, keeps its drawing buffer (else toDataURL is blank), waits
 * for `idle` at most `idleTimeoutMs`, and is removed in `finally` whatever happens.
 */
export async function renderSnapshot(input: SnapshotInput): Promise<Snapshot> {
  const started = Date.now();
  const deadline = started + (input.idleTimeoutMs ?? SNAPSHOT_IDLE_TIMEOUT_MS);
  const progress = input.onProgress ?? (() => {});

  progress("Checking how large a map this browser can draw…");
  const limit = drawableLimit();
  const resolution = fitResolution(input.size, input.dpi, limit);
  progress("Loading layers…");
  const [maplibre, { missing }] = await Promise.all([loadMapLibre(), fetchLayers(input, deadline)]);
  const style = await printStyle(input, missing);
  input.signal?.throwIfAborted();

  // Off screen but laid out: a hidden (display: none) container has no size and MapLibre would draw 400×300.
  const container = document.createElement("div");
  container.setAttribute("aria-hidden", "true");
  Object.assign(container.style, {
    position: "fixed",
    left: "-100000px",
    top: "0",
    width: `${input.size.cssWidth}px`,
    height: `${input.size.cssHeight}px`,
    pointerEvents: "none",
  });
  document.body.append(container);
  let map: MapLibreMap | undefined;
  try {
    progress("Loading the map…");
    map = new maplibre.Map({
      container,
      style,
      ...cameraOptions(input, container),
      interactive: false,
      fadeDuration: 0,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      // Loading redraws the map once per arriving piece of data; at print resolution each redraw
      // costs seconds in a software renderer. Load at screen resolution, then draw once at full size.
      pixelRatio: 1,
      maxCanvasSize: [limit, limit],
    });
    map.on("error", (e) => console.warn("Print map:", e.error?.message ?? e));
    const m = map;
    const arrow = arrowImage();
    m.once("style.load", () => m.addImage(arrow.id, arrow.image));
    const loadedInTime = await within(m.once("load"), deadline);
    input.signal?.throwIfAborted();
    if (loadedInTime && !input.camera) {
      // The container's size is final now: fit again so that nothing is cut off (ENVIRONMENT.md).
      m.resize();
      m.fitBounds(input.frame, { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM, animate: false });
    }
    const loadedIdle = loadedInTime && (await within(m.once("idle"), deadline));
    progress(`Drawing the map at ${resolution.pixels.width}×${resolution.pixels.height} px…`);
    const idle = new Promise<void>((resolve) => m.once("idle", () => resolve()));
    m.setPixelRatio(resolution.pixels.pixelRatio);
    m.triggerRepaint();
    const complete = loadedIdle && (await within(idle, deadline));
    input.signal?.throwIfAborted();
    // Resizing the canvas cleared it: when the deadline came first, draw what is loaded now, or the image would be blank.
    if (!complete) m.redraw();
    progress("Reading the image…");
    const canvas = m.getCanvas();
    const { lng, lat } = m.getCenter();
    return {
      // JPEG: encoding a print-size PNG blocks the page for seconds (6.5 s of 9.5 s at A4 300 dpi
      // measured here), and a PDF embeds a JPEG as it is, where a PNG is decoded and compressed again.
      dataUrl: canvas.toDataURL("image/jpeg", 0.92),
      width: canvas.width,
      height: canvas.height,
      resolution,
      camera: { zoom: m.getZoom(), lat, lon: lng, bearing: m.getBearing(), pitch: m.getPitch() },
      bounds: m.getBounds().toArray().flat() as BBox,
      complete,
      missingLayers: missing,
      elapsedMs: Date.now() - started,
    };
  } finally {
    map?.remove();
    container.remove();
  }
}
