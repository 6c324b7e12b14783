import type { LngLatBoundsLike, MapOptions } from "maplibre-gl";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { BBox } from "@/lib/model/layer-summary";
import { bboxOfPositions, boundsOfPlaces } from "@/lib/geo/bounds";
import { linkArcs } from "@/lib/geo/link-arcs";
import type { Camera } from "@/lib/view/camera";
import { LEVANT_BOUNDS, SELECTION_MAX_ZOOM, framePadding } from "./camera";
import { featureBBox } from "./layer-data";

/** The layers an event's places belong to: their features' extents frame it. */
export const layersOf = (event: EventHeadline): string[] =>
  [event.place, ...event.aboutPlaces].flatMap((p) => (p.layer ? [p.layer] : []));

/** What a camera must show for an event: its places (whole features when loaded) and its links. */
export function eventBounds(event: EventHeadline): BBox | null {
  const arcs = linkArcs(event).features.map((f) => bboxOfPositions(f.geometry.coordinates)).filter((b): b is BBox => b !== null);
  return boundsOfPlaces([event.place, ...event.aboutPlaces], featureBBox, arcs);
}

/** What a camera must show for a set of events: where each happened (their markers). */
export const markersBounds = (events: readonly EventHeadline[]): BBox | null => bboxOfPositions(events.map((e) => e.place.point));

export const lngLatBounds = ([west, south, east, north]: BBox): LngLatBoundsLike => [[west, south], [east, north]];

/** The camera a new map opens on: the URL's, else the selected event framed, else the Levant. */
export function cameraOptions(camera: Camera | undefined, frame: BBox | null, container: HTMLElement): Partial<MapOptions> {
  if (camera) {
    const { lon, lat, zoom, bearing, pitch } = camera;
    return { center: [lon, lat], zoom, bearing, pitch };
  }
  if (frame) return { bounds: lngLatBounds(frame), fitBoundsOptions: { padding: framePadding(container), maxZoom: SELECTION_MAX_ZOOM } };
  return { bounds: lngLatBounds(LEVANT_BOUNDS), fitBoundsOptions: { padding: 24 } };
}
