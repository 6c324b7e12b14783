import type { FeatureCollection, Point } from "geojson";
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { GROUP } from "./palette";

export const EVENTS_SOURCE = "events";
/** Events placed only at a country or region: drawn apart, so that their marker is never read as a location. */
export const AREA_EVENTS_SOURCE = "events:areas";

/** Past this zoom events are never clustered: a cluster that still expands beyond it holds events at one point. */
export const CLUSTER_MAX_ZOOM = 12;

/** Markers are 12 px wide; 40 px merges those that would touch or overlap, as MapLibre's examples do. */
const CLUSTER_RADIUS = 40;

export const EVENT_LAYER = {
  clusters: "events:clusters",
  clusterCount: "events:cluster-count",
  markers: "events:markers",
  areaRings: "events:area-rings",
  areaCount: "events:area-count",
} as const;

/** Precisions whose marker stands for a whole area ("somewhere in Syria"), not a place. */
const AREA_PRECISIONS = ["country", "region"];

export type EventProperties = { id: string; type: string; title: string; geoPrecision: string };

/** What the map draws the events from: the events, or a large set's vector tile URL template (lib/map/event-tiles.ts). */
export type EventsOnMap = readonly EventHeadline[] | string;

/** Events as points at the place where each happened; markers take their colour from the type. */
export function eventCollection(events: readonly EventHeadline[]): FeatureCollection<Point, EventProperties> {
  return {
    type: "FeatureCollection",
    features: events.map((e) => ({
      type: "Feature",
      id: e.id,
      properties: { id: e.id, type: e.type, title: e.title, geoPrecision: e.geoPrecision },
      geometry: { type: "Point", coordinates: e.place.point },
    })),
  };
}

/** The source's data: the page's features (a large set is drawn from tiles, not from these sources). */
export function eventsData(events: EventsOnMap): GeoJSONSourceSpecification["data"] {
  return typeof events === "string" ? { type: "FeatureCollection", features: [] } : eventCollection(events);
}

const isAreaEvent: ExpressionSpecification = ["in", ["get", "geoPrecision"], ["literal", AREA_PRECISIONS]];

/**
 * Located events, clustered in MapLibre's worker so that 100,000 events pan as smoothly as 13.
 * Area-level events are left out here (see areaEventsSource).
 */
export function eventsSource(events: EventsOnMap): GeoJSONSourceSpecification {
  return {
    type: "geojson",
    data: eventsData(events),
    // The filter applies to data handed over later too (lib/map/event-delivery.ts).
    filter: ["!", isAreaEvent],
    cluster: true,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    // String ids would be dropped (vector tiles only allow integers); the property keeps them.
    promoteId: "id",
  };
}

/**
 * Country- and region-level events from the same data, grouped only with those at the same
 * representative point: one hollow ring per area, with how many events it stands for.
 */
export function areaEventsSource(events: EventsOnMap): GeoJSONSourceSpecification {
  // Clustered at every zoom a map shows: events sharing one area point never split into stacked rings.
  return { type: "geojson", data: eventsData(events), filter: isAreaEvent, cluster: true, clusterRadius: 1, clusterMaxZoom: 17, promoteId: "id" };
}

const clustered: ExpressionSpecification = ["has", "point_count"];


/** Hollow dashed-looking rings with a count: "this many events somewhere in this area". */
export function areaEventLayers(): LayerSpecification[] {
  return [
    {
      id: EVENT_LAYER.areaRings,
      type: "circle",
      source: AREA_EVENTS_SOURCE,
      paint: {
        "circle-color": "#ffffff",
        "circle-opacity": 0.55,
        "circle-radius": ["case", clustered, 13, 9],
        "circle-stroke-color": ["case", clustered, GROUP, typeColour],
        "circle-stroke-width": 3,
      },
    },
    {
      id: EVENT_LAYER.areaCount,
      type: "symbol",
      source: AREA_EVENTS_SOURCE,
      filter: clustered,
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        "text-font": ["Noto Sans Medium"],
        "text-size": 12,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": GROUP },
    },
  ];
}

/** Each type's colour from the vocabulary, read from the `type` property both the API and eventCollection give. */
const typeColour = ["match", ["get", "type"], ...Object.entries(EVENT_TYPE_INFO).flatMap(([type, info]) => [type, info.color]), "#616161"] as unknown as ExpressionSpecification;

/** Clusters as neutral discs (a cluster mixes types) sized by count; single events in their type's colour. */
export function eventLayers(): LayerSpecification[] {
  return [
    {
      id: EVENT_LAYER.clusters,
      type: "circle",
      source: EVENTS_SOURCE,
      filter: clustered,
      paint: {
        "circle-color": GROUP,
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
        "circle-color": typeColour,
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
