import { INK } from "./palette";
import type { Feature, FeatureCollection } from "geojson";
import type { LayerSpecification, Map as MapLibreMap, MapOptions, StyleSpecification } from "maplibre-gl";
import type { EventType } from "@/lib/model/schema";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { fitResolution, type Resolution } from "@/lib/print/layout";
import type { Camera } from "@/lib/view/camera";
import { basemapStyle } from "./basemap-style";
import { withOverlays } from "./map-style";
import { FEATURE_ID, overlayLayers, overlaySourceId } from "./overlay-layers";
import { loadMapLibre } from "./load-maplibre";

/** Exporting a partly drawn map beats hanging forever, so every wait is bounded (STYLE.md habit 9). */
const SNAPSHOT_IDLE_TIMEOUT_MS = 20_000;

/** Framing a selection stops here: closer than a city hides where things are relative to each other. */
const FRAME_MAX_ZOOM = 9;

export type SnapshotEvent = { id: string; type: EventType; point: [number, number] };

export type SnapshotInput = {
  origin: string;
  layers: readonly LayerSummary[];
  visible: readonly string[];
  events: readonly SnapshotEvent[];
  selectedId: string | null;
  /** Features of the selected event: outlined solid where it happened, dashed what it is about. */
  focus: readonly { layer: string; feature: string; role: "in" | "about" }[];
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

/** A layer's features with their ids copied into FEATURE_ID (MapLibre drops string ids). */
async function fetchLayer(origin: string, id: string, signal: AbortSignal): Promise<FeatureCollection> {
  const response = await fetch(`${origin}/api/layers/${encodeURIComponent(id)}`, { signal });
  if (!response.ok) throw new Error(`layer "${id}": HTTP ${response.status}`);
  const collection = (await response.json()) as FeatureCollection;
  return { ...collection, features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, [FEATURE_ID]: String(f.id) } })) };
}

async function fetchLayers(input: SnapshotInput, deadline: number): Promise<{ loaded: Map<string, FeatureCollection>; missing: string[] }> {
  const ids = [...new Set([...input.visible, ...input.focus.map((f) => f.layer)])];
  const signal = AbortSignal.any([AbortSignal.timeout(Math.max(1, deadline - Date.now())), ...(input.signal ? [input.signal] : [])]);
  const results = await Promise.allSettled(ids.map((id) => fetchLayer(input.origin, id, signal)));
  const loaded = new Map<string, FeatureCollection>();
  const missing: string[] = [];
  results.forEach((r, i) => (r.status === "fulfilled" ? loaded.set(ids[i]!, r.value) : missing.push(ids[i]!)));
  return { loaded, missing };
}

function focusCollection(input: SnapshotInput, loaded: Map<string, FeatureCollection>): FeatureCollection {
  const features: Feature[] = [];
  for (const ref of input.focus) {
    const found = loaded.get(ref.layer)?.features.find((f) => String(f.id) === ref.feature);
    if (found?.geometry) features.push({ type: "Feature", properties: { role: ref.role }, geometry: found.geometry });
  }
  return { type: "FeatureCollection", features };
}

function eventCollection(input: SnapshotInput): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: input.events.map((e) => ({
      type: "Feature",
      properties: { color: EVENT_TYPE_INFO[e.type].color, selected: e.id === input.selectedId },
      geometry: { type: "Point", coordinates: e.point },
    })),
  };
}

/** Print-only layers: the selected event's places outlined, then every event unclustered, selected on top. */
const printLayers: LayerSpecification[] = [
  { id: "print:focus-casing", type: "line", source: "print:focus", filter: ["==", ["get", "role"], "in"], paint: { "line-color": "#ffffff", "line-width": 5 } },
  { id: "print:focus-in", type: "line", source: "print:focus", filter: ["==", ["get", "role"], "in"], paint: { "line-color": INK, "line-width": 2.5 } },
  {
    id: "print:focus-about",
    type: "line",
    source: "print:focus",
    filter: ["==", ["get", "role"], "about"],
    paint: { "line-color": INK, "line-width": 2, "line-dasharray": [2, 1.5] },
  },
  {
    id: "print:events",
    type: "circle",
    source: "print:events",
    layout: { "circle-sort-key": ["case", ["get", "selected"], 1, 0] },
    paint: {
      "circle-color": ["get", "color"],
      "circle-radius": ["case", ["get", "selected"], 8, 6],
      "circle-stroke-color": ["case", ["get", "selected"], INK, "#ffffff"],
      "circle-stroke-width": ["case", ["get", "selected"], 2.5, 1.5],
    },
  },
];

function printStyle(input: SnapshotInput, loaded: Map<string, FeatureCollection>): StyleSpecification {
  const overlays = overlayLayers(input.layers, input.visible);
  for (const [id, data] of loaded) {
    const source = overlays.sources[overlaySourceId(id)];
    if (source) source.data = data;
  }
  const style = withOverlays(basemapStyle(input.origin), overlays);
  return {
    ...style,
    sources: {
      ...style.sources,
      "print:focus": { type: "geojson", data: focusCollection(input, loaded) },
      "print:events": { type: "geojson", data: eventCollection(input) },
    },
    layers: [...style.layers, ...printLayers],
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

function cameraOptions(input: SnapshotInput): Partial<MapOptions> {
  if (!input.camera) {
    return { bounds: input.frame, fitBoundsOptions: { padding: framePadding(input.size), maxZoom: FRAME_MAX_ZOOM } };
  }
  const { lon, lat, zoom, bearing, pitch } = input.camera;
  return { center: [lon, lat], zoom, bearing, pitch };
}

const framePadding = ({ cssWidth, cssHeight }: { cssWidth: number; cssHeight: number }) => Math.round(Math.max(8, Math.min(48, cssWidth / 10, cssHeight / 10)));

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
  const [maplibre, { loaded, missing }] = await Promise.all([loadMapLibre(), fetchLayers(input, deadline)]);
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
      style: printStyle(input, loaded),
      ...cameraOptions(input),
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
    const loadedInTime = await within(m.once("load"), deadline);
    input.signal?.throwIfAborted();
    if (loadedInTime && !input.camera) {
      // The container's size is final now: fit again so that nothing is cut off (ENVIRONMENT.md).
      m.resize();
      m.fitBounds(input.frame, { padding: framePadding(input.size), maxZoom: FRAME_MAX_ZOOM, animate: false });
    }
    const loadedIdle = loadedInTime && (await within(m.once("idle"), deadline));
    progress(`Drawing the map at ${resolution.pixels.width}×${resolution.pixels.height} px…`);
    const idle = new Promise<void>((resolve) => m.once("idle", () => resolve()));
    m.setPixelRatio(resolution.pixels.pixelRatio);
    m.triggerRepaint();
    const complete = loadedIdle && (await within(idle, deadline));
    input.signal?.throwIfAborted();
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
      complete,
      missingLayers: missing,
      elapsedMs: Date.now() - started,
    };
  } finally {
    map?.remove();
    container.remove();
  }
}
