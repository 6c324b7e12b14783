import type { Map as MapLibreMap } from "maplibre-gl";
import type { BBox } from "@/lib/model/layer-summary";
import { roundCamera, type Camera } from "@/lib/view/camera";

/** The Levant with the Golan near the middle: the frame a briefing opens on. */
export const LEVANT_BOUNDS: BBox = [34.0, 31.0, 38.5, 34.5];

/** Framing a selection stops here: closer than a city hides where things are relative to each other. */
export const SELECTION_MAX_ZOOM = 9;

/** Where the map looks now, rounded as the URL writes it so that equal views give equal links. */
export function cameraOf(map: MapLibreMap): Camera {
  const { lng, lat } = map.getCenter();
  return roundCamera({ zoom: map.getZoom(), lat, lon: lng, bearing: map.getBearing(), pitch: map.getPitch() });
}

/** Padding that leaves room around a framed selection but never exceeds a small map's size. */
export function framePadding(container: HTMLElement): number {
  return Math.max(8, Math.min(48, container.clientWidth / 8, container.clientHeight / 8));
}

/** Analysts who asked their system for less motion get jumps instead of flights. */
export function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
