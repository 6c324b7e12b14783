import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap, VectorSourceSpecification, VectorTileSource } from "maplibre-gl";
import { DETAIL_ZOOM, TILE_LAYER } from "@/lib/tiles/tile-schema";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { GROUP } from "./palette";

/**
 * A large set's events drawn from the server's vector tiles (`/api/events/tiles/{z}/{x}/{y}`):
 * the server groups them per grid cell, so the browser never holds the set. A small set keeps the
 * exact GeoJSON sources of lib/map/event-layers.ts; this source and its layers exist only while a
 * large set is shown.
 */
export const TILES_SOURCE = "events:tiles";

export const TILE_EVENT_LAYER = {
  clusters: "events:tile-clusters",
  clusterCount: "events:tile-cluster-count",
  markers: "events:tile-markers",
  areaRings: "events:tile-area-rings",
  areaLabels: "events:tile-area-labels",
} as const;

/** The layers a click or hover picks from (the labels only explain the rings). */
export const TILE_PICKABLE = [TILE_EVENT_LAYER.clusters, TILE_EVENT_LAYER.markers, TILE_EVENT_LAYER.areaRings];

const count: ExpressionSpecification = ["get", "count"];
const grouped: ExpressionSpecification = [">", count, 1];
/** 12,345 as "12k", 1,234 as "1.2k": a disc has room for four characters. */
const shortCount: ExpressionSpecification = [
  "case",
  [">=", count, 10000],
  ["concat", ["to-string", ["round", ["/", count, 1000]]], "k"],
  [">=", count, 1000],
  ["concat", ["to-string", ["/", ["round", ["/", count, 100]], 10]], "k"],
  ["to-string", count],
];
const colourOf = (property: string) =>
  ["match", ["get", property], ...Object.entries(EVENT_TYPE_INFO).flatMap(([type, info]) => [type, info.color]), "#616161"] as unknown as ExpressionSpecification;

/** The tile URL absolute (MapLibre's worker has another base), with its {z}/{x}/{y} left as written. */
const absolute = (template: string) => (template.startsWith("/") && globalThis.location ? `${globalThis.location.origin}${template}` : template);

export function tileSource(template: string): VectorSourceSpecification {
  // Past DETAIL_ZOOM the server's tiles hold single points; MapLibre scales that zoom's tiles up.
  return { type: "vector", tiles: [absolute(template)], minzoom: 0, maxzoom: DETAIL_ZOOM };
}

/**
 * Groups as dark discs ringed in their commonest type's colour; single events in their type's
 * colour; area-level events on top (few, and never to be hidden by a group) as hollow rings named
 * after their area.
 */
export function tileLayers(): LayerSpecification[] {
  return [
    {
      id: TILE_EVENT_LAYER.clusters,
      type: "circle",
      source: TILES_SOURCE,
      "source-layer": TILE_LAYER.events,
      filter: grouped,
      paint: {
        "circle-color": GROUP,
        "circle-opacity": 0.88,
        "circle-radius": ["step", count, 12, 10, 16, 100, 20, 1000, 25],
        "circle-stroke-color": colourOf("dominant"),
        "circle-stroke-width": 3,
      },
    },
    {
      id: TILE_EVENT_LAYER.markers,
      type: "circle",
      source: TILES_SOURCE,
      "source-layer": TILE_LAYER.events,
      filter: ["!", grouped],
      paint: { "circle-color": colourOf("type"), "circle-radius": 6, "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 },
    },
    {
      id: TILE_EVENT_LAYER.clusterCount,
      type: "symbol",
      source: TILES_SOURCE,
      "source-layer": TILE_LAYER.events,
      filter: grouped,
      layout: { "text-field": shortCount, "text-font": ["Noto Sans Medium"], "text-size": 12, "text-allow-overlap": true, "text-ignore-placement": true },
      paint: { "text-color": "#ffffff" },
    },
    {
      id: TILE_EVENT_LAYER.areaRings,
      type: "circle",
      source: TILES_SOURCE,
      "source-layer": TILE_LAYER.areas,
      paint: {
        "circle-color": "#ffffff",
        "circle-opacity": 0.55,
        "circle-radius": ["case", grouped, 13, 9],
        "circle-stroke-color": ["case", grouped, GROUP, colourOf("type")],
        "circle-stroke-width": 3,
      },
    },
    {
      id: TILE_EVENT_LAYER.areaLabels,
      type: "symbol",
      source: TILES_SOURCE,
      "source-layer": TILE_LAYER.areas,
      layout: {
        // "12 · in As-Suwayda": the number counts events known only to that area, not to this point.
        "text-field": ["concat", shortCount, " in ", ["coalesce", ["get", "place"], "this area"]],
        "text-font": ["Noto Sans Medium"],
        "text-size": 12,
        "text-anchor": "top",
        "text-offset": [0, 1.2],
        "text-optional": true,
      },
      paint: { "text-color": GROUP, "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
    },
  ];
}

/**
 * Shows the tiles of `template` (a new filter swaps the URL and MapLibre fetches again), or, with
 * null, takes the tile source and its layers off the map. `before`: the layer they are drawn under.
 */
export function showTiles(map: MapLibreMap, template: string | null, before: string | undefined): void {
  const source = map.getSource<VectorTileSource>(TILES_SOURCE);
  if (template === null) {
    if (!source) return;
    for (const layer of tileLayers()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    map.removeSource(TILES_SOURCE);
    return;
  }
  if (source) {
    source.setTiles([absolute(template)]);
    return;
  }
  map.addSource(TILES_SOURCE, tileSource(template));
  for (const layer of tileLayers()) map.addLayer(layer, before && map.getLayer(before) ? before : undefined);
}

/** The tile URL template of a filter's `/api/events` query string. */
export const tilesUrl = (query: string) => `/api/events/tiles/{z}/{x}/{y}${query ? `?${query}` : ""}`;
