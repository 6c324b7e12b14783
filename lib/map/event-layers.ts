import type { FeatureCollection, Point } from "geojson";
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from "maplibre-gl";
import type { EventHeadline } from "@/lib/data/event-headline";
import { EVENT_TYPE_INFO } from "@/lib/events/vocabulary";

export const EVENTS_SOURCE = "events";

/** Past this zoom events are never clustered: a cluster that still expands beyond it holds events at one point. */
export const CLUSTER_MAX_ZOOM = 12;

/** Markers are 12 px wide; 40 px merges those that would touch or overlap, as MapLibre's examples do. */
const CLUSTER_RADIUS = 40;

export const EVENT_LAYER = {
  clusters: "events:clusters",
  clusterCount: "events:cluster-count",
  markers: "events:markers",
} as const;

export type EventProperties = { id: string; type: string; color: string; title: string };

/** Events as points at the place where each happened, coloured by type. */
export function eventCollection(events: readonly EventHeadline[]): FeatureCollection<Point, EventProperties> {
  return {
    type: "FeatureCollection",
    features: events.map((e) => ({
      type: "Feature",
      id: e.id,
      properties: { id: e.id, type: e.type, color: EVENT_TYPE_INFO[e.type].color, title: e.title },
      geometry: { type: "Point", coordinates: e.place.point },
    })),
  };
}

/** Clustered in MapLibre's worker, so that 100,000 events pan as smoothly as 13. */
export function eventsSource(events: readonly EventHeadline[]): GeoJSONSourceSpecification {
  return {
    type: "geojson",
    data: eventCollection(events),
    cluster: true,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    // String ids would be dropped (vector tiles only allow integers); the property keeps them.
    promoteId: "id",
  };
}

const clustered: ExpressionSpecification = ["has", "point_count"];

/** Clusters as neutral discs (a cluster mixes types) sized by count; single events in their type's colour. */
export function eventLayers(): LayerSpecification[] {
  return [
    {
      id: EVENT_LAYER.clusters,
      type: "circle",
      source: EVENTS_SOURCE,
      filter: clustered,
      paint: {
        "circle-color": "#37474f",
        "circle-opacity": 0.88,
        "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 100, 20, 1000, 25],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 2,
      },
    },
    {
      id: EVENT_LAYER.markers,
      type: "circle",
      source: EVENTS_SOURCE,
      filter: ["!", clustered],
      paint: {
        "circle-color": ["get", "color"],
        "circle-radius": 6,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      },
    },
    {
      id: EVENT_LAYER.clusterCount,
      type: "symbol",
      source: EVENTS_SOURCE,
      filter: clustered,
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        // The only glyphs the offline basemap serves.
        "text-font": ["Noto Sans Medium"],
        "text-size": 12,
        // A count hidden by a label collision would make its disc unreadable.
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": "#ffffff" },
    },
  ];
}
