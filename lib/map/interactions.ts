import type { GeoJSONSource, MapGeoJSONFeature, Map as MapLibreMap, PointLike } from "maplibre-gl";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { Camera } from "@/lib/view/camera";
import { cameraOf, prefersReducedMotion } from "./camera";
import { DETAIL_ZOOM, TILE_LAYER } from "@/lib/tiles/tile-schema";
import { AREA_EVENTS_SOURCE, CLUSTER_MAX_ZOOM, EVENTS_SOURCE, EVENT_LAYER } from "./event-layers";
import { TILES_SOURCE, TILE_PICKABLE } from "./event-tiles";
import { FEATURE_ID, isPickable, overlayIdOf } from "./overlay-layers";

/** What the pointer is over, in the dashboard's hover shape. */
export type MapHover = { eventId?: string; feature?: { layer: string; id: string } } | null;

export type PickedFeature = { layer: string; id: string; name: string };

/** What the map tells the page; the page decides what each means. */
export type MapCallbacks = {
  onHover(hovered: MapHover): void;
  onSelectEvent(id: string): void;
  onSelectFeature(feature: PickedFeature): void;
  /** Events that share one point (a cluster no zoom can split), in the events source's order. */
  onSelectCluster(ids: string[], at: { x: number; y: number }): void;
  onCameraChange(camera: Camera): void;
};

/** A failing handler is logged instead of breaking the map or the page around it. */
function guard<A extends unknown[]>(what: string, handler: (...args: A) => void | Promise<void>): (...args: A) => void {
  const report = (error: unknown) => console.error(`Map: ${what} failed`, error);
  return (...args) => {
    try {
      void Promise.resolve(handler(...args)).catch(report);
    } catch (error) {
      report(error);
    }
  };
}

/** Markers are small: a few pixels around the pointer make them easier to hit, by mouse or finger. */
const SLOP = 4;
const EVENT_LAYERS = [EVENT_LAYER.clusters, EVENT_LAYER.markers, EVENT_LAYER.areaRings, ...TILE_PICKABLE];

/** The event layers the map has now (tile layers exist only while a large set is shown). */
export const eventLayersOn = (map: MapLibreMap): string[] => EVENT_LAYERS.filter((id) => map.getLayer(id));

/** A group of events: MapLibre's own clusters, or a tile's cell of more than one. */
export const isGroup = (f: MapGeoJSONFeature): boolean => Boolean(f.properties.cluster) || Number(f.properties.count) > 1;

type Hit = { kind: "cluster"; feature: MapGeoJSONFeature } | { kind: "event"; id: string } | { kind: "feature"; feature: PickedFeature };

/** What lies under a point: event markers win over the overlay features beneath them. */
function pick(map: MapLibreMap, { x, y }: { x: number; y: number }, labels: Map<string, string>): Hit | null {
  const box: [PointLike, PointLike] = [[x - SLOP, y - SLOP], [x + SLOP, y + SLOP]];
  const [event] = map.queryRenderedFeatures(box, { layers: eventLayersOn(map) });
  if (event && isGroup(event)) return { kind: "cluster", feature: event };
  if (event && typeof event.properties.id === "string") return { kind: "event", id: event.properties.id };
  const overlays = map.getLayersOrder().filter(isPickable);
  for (const feature of map.queryRenderedFeatures([x, y], { layers: overlays })) {
    const layer = overlayIdOf(feature.layer.id);
    const id = feature.properties[FEATURE_ID];
    if (!layer || typeof id !== "string") continue;
    const label = feature.properties[labels.get(layer) ?? "name"] ?? feature.properties.name;
    return { kind: "feature", feature: { layer, id, name: typeof label === "string" && label ? label : id } };
  }
  return null;
}

const hoverOf = (hit: Hit | null): MapHover =>
  hit?.kind === "event" ? { eventId: hit.id } : hit?.kind === "feature" ? { feature: { layer: hit.feature.layer, id: hit.feature.id } } : null;

const keyOf = (h: MapHover) => (h?.eventId ? `event:${h.eventId}` : h?.feature ? `feature:${h.feature.layer}/${h.feature.id}` : "");

/**
 * A tile's group zooms in towards its events; at DETAIL_ZOOM (events at one point) or for an area,
 * which no zoom splits, its events are handed to the page (the tile lists up to 50 of them).
 */
function openTileGroup(map: MapLibreMap, group: MapGeoJSONFeature, at: { x: number; y: number }, callbacks: MapCallbacks) {
  const ids = typeof group.properties.ids === "string" ? group.properties.ids.split(" ") : [];
  const isArea = group.sourceLayer === TILE_LAYER.areas;
  if (ids.length > 0 && (isArea || map.getZoom() >= DETAIL_ZOOM)) return callbacks.onSelectCluster(ids, at);
  if (isArea) return;
  const center = group.geometry.type === "Point" ? (group.geometry.coordinates as [number, number]) : map.getCenter();
  map.easeTo({ center, zoom: Math.min(DETAIL_ZOOM, Math.floor(map.getZoom()) + 2), animate: !prefersReducedMotion() });
}

/** A cluster zooms in until it splits; one that never splits (events at one point) is handed to the page. */
async function openCluster(map: MapLibreMap, cluster: MapGeoJSONFeature, at: { x: number; y: number }, callbacks: MapCallbacks) {
  if (cluster.source === TILES_SOURCE) return openTileGroup(map, cluster, at, callbacks);
  const source = map.getSource<GeoJSONSource>(cluster.source === AREA_EVENTS_SOURCE ? AREA_EVENTS_SOURCE : EVENTS_SOURCE);
  const clusterId = Number(cluster.properties.cluster_id);
  if (!source || !Number.isFinite(clusterId)) return;
  const zoom = await source.getClusterExpansionZoom(clusterId);
  if (zoom <= CLUSTER_MAX_ZOOM && cluster.source !== AREA_EVENTS_SOURCE) {
    const center = cluster.geometry.type === "Point" ? (cluster.geometry.coordinates as [number, number]) : map.getCenter();
    map.easeTo({ center, zoom, animate: !prefersReducedMotion() });
    return;
  }
  const leaves = await source.getClusterLeaves(clusterId, Infinity, 0);
  const ids = leaves.map((leaf) => leaf.properties?.id).filter((id): id is string => typeof id === "string");
  if (ids.length > 0) callbacks.onSelectCluster(ids, at);
}

/** Wires clicks, hovers and camera moves to the callbacks; returns the unwiring. */
export function wireInteractions(map: MapLibreMap, layers: readonly LayerSummary[], callbacks: MapCallbacks): () => void {
  const labels = new Map(layers.map((l) => [l.id, l.labelProperty]));
  const canvas = map.getCanvas();
  let reported = "";
  let frame = 0;
  let pointer: { x: number; y: number } | null = null;

  const report = (hovered: MapHover) => {
    const key = keyOf(hovered);
    if (key === reported) return;
    reported = key;
    callbacks.onHover(hovered);
  };

  // Mouse moves come faster than frames: the last position is picked once per frame.
  const hoverNow = guard("hover", () => {
    frame = 0;
    if (!pointer) return;
    const hit = pick(map, pointer, labels);
    canvas.style.cursor = hit ? "pointer" : "";
    report(hoverOf(hit));
  });
  const onMove = guard("hover", (e: { point: { x: number; y: number } }) => {
    pointer = e.point;
    // While the map pans or zooms nothing under the pointer is being looked at, and picking every
    // frame (plus the views re-rendering for each hover) would cost the pan its smoothness.
    if (map.isMoving()) return;
    frame ||= requestAnimationFrame(hoverNow);
  });
  const onMoveStart = guard("hover", () => report(null));
  const onOut = guard("hover", () => {
    pointer = null;
    canvas.style.cursor = "";
    report(null);
  });
  const onClick = guard("click", async (e: { point: { x: number; y: number } }) => {
    const hit = pick(map, e.point, labels);
    if (hit?.kind === "cluster") await openCluster(map, hit.feature, e.point, callbacks);
    else if (hit?.kind === "event") callbacks.onSelectEvent(hit.id);
    else if (hit?.kind === "feature") callbacks.onSelectFeature(hit.feature);
  });
  const onMoveEnd = guard("camera", () => callbacks.onCameraChange(cameraOf(map)));

  map.on("mousemove", onMove);
  map.on("mouseout", onOut);
  map.on("click", onClick);
  map.on("moveend", onMoveEnd);
  map.on("movestart", onMoveStart);
  return () => {
    cancelAnimationFrame(frame);
    map.off("mousemove", onMove);
    map.off("mouseout", onOut);
    map.off("click", onClick);
    map.off("moveend", onMoveEnd);
    map.off("movestart", onMoveStart);
  };
}
