import type { BBox } from "@/lib/model/layer-summary";
import type { Camera } from "@/lib/view/camera";

/** MapLibre's world is 512 px wide at zoom 0; using the same size makes a preview match the link's camera. */
const TILE = 512;

export type Frame = { width: number; height: number; zoom: number; cx: number; cy: number };

/** Web Mercator world pixels at zoom 0 (x, y in 0..512). */
export function worldPixel(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [((lon + 180) / 360) * TILE, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * TILE];
}

/** The frame a camera shows in an image of the given size. */
export function frameOfCamera(camera: Camera, width: number, height: number): Frame {
  const [cx, cy] = worldPixel(camera.lon, camera.lat);
  return { width, height, zoom: camera.zoom, cx, cy };
}

/** The frame that fits a bbox into the image with some padding, as MapLibre's fitBounds does. */
export function frameOfBounds([w, s, e, n]: BBox, width: number, height: number, padding = 40, maxZoom = 9): Frame {
  const [x0, y0] = worldPixel(w, n);
  const [x1, y1] = worldPixel(e, s);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const zoom = Math.min(maxZoom, Math.log2(Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY)));
  return { width, height, zoom, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

/** Image pixel of a lon/lat in a frame. */
export function project(frame: Frame, lon: number, lat: number): [number, number] {
  const scale = 2 ** frame.zoom;
  const [x, y] = worldPixel(lon, lat);
  return [(x - frame.cx) * scale + frame.width / 2, (y - frame.cy) * scale + frame.height / 2];
}
