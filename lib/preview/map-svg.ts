import type { FeatureCollection } from "geojson";
import type { LoadedEvent } from "@/lib/model/event";
import type { LoadedLayer } from "@/lib/data/read-layer";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { project, type Frame } from "./mercator";
import { svgPath } from "./svg-path";
import { MAX_PREVIEW_VERTICES, type VertexBudget } from "./vertex-budget";

const SEA = "#dfe9f3";
const LAND = "#f7f5f0";

/**
 * The view's map as an SVG picture: land, the visible layers in draw order and the events, with the
 * selected one ringed. Only numbers and validated colours go into it, never text from data.
 */
export function mapSvg(frame: Frame, land: FeatureCollection[], layers: LoadedLayer[], events: LoadedEvent[], selectedId: string | null): string {
  const parts: string[] = [`<rect width="${frame.width}" height="${frame.height}" fill="${SEA}"/>`];
  const budget: VertexBudget = { left: MAX_PREVIEW_VERTICES };
  for (const fc of land) {
    const d = fc.features.map((f) => (f.geometry ? (svgPath(f.geometry, frame, budget) ?? "") : "")).join("");
    if (d) parts.push(`<path d="${d}" fill="${LAND}" stroke="#c9c4b8" stroke-width="0.6"/>`);
  }
  for (const layer of layers) {
    const drawn = layerSvg(layer, frame, budget);
    if (drawn) parts.push(...drawn);
  }
  for (const e of events) {
    const [x, y] = project(frame, ...e.place.point);
    if (!onImage(frame, x, y)) continue;
    const selected = e.id === selectedId;
    parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${selected ? 11 : 7}" fill="${EVENT_TYPE_INFO[e.type].color}" stroke="#fff" stroke-width="${selected ? 4 : 2}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">${parts.join("")}</svg>`;
}

/**
 * One layer's shapes, or undefined when drawing it would pass the preview's vertex budget: a layer
 * is drawn whole or not at all (half a layer would look like data that is not there), and the
 * vertices it took are given back for the layers after it.
 */
function layerSvg(layer: LoadedLayer, frame: Frame, budget: VertexBudget): string[] | undefined {
  const before = budget.left;
  const parts: string[] = [];
  const { color, dashed, fillOpacity } = layer.manifest.style;
  for (const f of layer.data.features) {
    if (!f.geometry) continue;
    if (f.geometry.type === "Point") {
      const [x, y] = project(frame, ...(f.geometry.coordinates as [number, number]));
      if (!onImage(frame, x, y)) continue;
      if (--budget.left < 0) break;
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`);
      continue;
    }
    const d = svgPath(f.geometry, frame, budget);
    if (d === undefined) break;
    if (!d) continue;
    const area = f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon";
    const fill = area ? `fill="${color}" fill-opacity="${fillOpacity}"` : `fill="none"`;
    const dash = dashed ? ` stroke-dasharray="6 4"` : "";
    parts.push(`<path d="${d}" ${fill} fill-rule="evenodd" stroke="${color}" stroke-width="${area ? 1.5 : 2.5}"${dash}/>`);
  }
  if (budget.left >= 0) return parts;
  budget.left = before;
  return undefined;
}

const onImage = (frame: Frame, x: number, y: number) => x >= -20 && y >= -20 && x <= frame.width + 20 && y <= frame.height + 20;
