import type { Geometry, Position } from "geojson";
import { project, type Frame } from "./mercator";
import type { VertexBudget } from "./vertex-budget";

/**
 * An SVG path for a geometry in a frame. Vertices closer than half a pixel to the last kept one are
 * dropped: a 1.9 MB country outline becomes a few kilobytes at preview size. Rings that shrink to a
 * point are left out, and so are geometries wholly outside the picture. Every kept vertex is taken
 * from `budget`; undefined means it ran out (the caller decides what to leave out).
 */
export function svgPath(geometry: Geometry, frame: Frame, budget: VertexBudget = { left: Infinity }): string | undefined {
  const lines: Position[][] = [];
  switch (geometry.type) {
    case "Polygon":
      lines.push(...geometry.coordinates);
      break;
    case "MultiPolygon":
      geometry.coordinates.forEach((p) => lines.push(...p));
      break;
    case "LineString":
      lines.push(geometry.coordinates);
      break;
    case "MultiLineString":
      lines.push(...geometry.coordinates);
      break;
    default:
      return "";
  }
  if (!onPicture(lines, frame)) return "";
  const closed = geometry.type === "Polygon" || geometry.type === "MultiPolygon";
  let d = "";
  for (const line of lines) {
    const part = ring(line, frame, closed, budget);
    if (part === undefined) return undefined;
    d += part;
  }
  return d;
}

function ring(line: Position[], frame: Frame, closed: boolean, budget: VertexBudget): string | undefined {
  let d = "";
  let last: [number, number] | undefined;
  let kept = 0;
  for (const [lon = 0, lat = 0] of line) {
    const p = project(frame, lon, lat);
    if (last && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) continue;
    if (--budget.left < 0) return undefined;
    d += `${last ? "L" : "M"}${p[0].toFixed(1)} ${p[1].toFixed(1)}`;
    last = p;
    kept++;
  }
  if (kept < 2) return "";
  return closed ? `${d}Z` : d;
}

/** False when every position lies beyond the same edge of the picture (with a small margin). */
function onPicture(lines: Position[][], frame: Frame): boolean {
  let left = true, right = true, above = true, below = true;
  for (const line of lines) {
    for (const [lon = 0, lat = 0] of line) {
      const [x, y] = project(frame, lon, lat);
      left &&= x < -20;
      right &&= x > frame.width + 20;
      above &&= y < -20;
      below &&= y > frame.height + 20;
      if (!left && !right && !above && !below) return true;
    }
  }
  return false;
}
