import type { Geometry, Position } from "geojson";
import { project, type Frame } from "./mercator";

/**
 * An SVG path for a geometry in a frame. Vertices closer than half a pixel to the last kept one are
 * dropped: a 1.9 MB country outline becomes a few kilobytes at preview size.
 */
export function svgPath(geometry: Geometry, frame: Frame): string {
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
  const closed = geometry.type === "Polygon" || geometry.type === "MultiPolygon";
  return lines.map((line) => ring(line, frame, closed)).filter(Boolean).join("");
}

function ring(line: Position[], frame: Frame, closed: boolean): string {
  let d = "";
  let last: [number, number] | undefined;
  for (const [lon = 0, lat = 0] of line) {
    const p = project(frame, lon, lat);
    if (last && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) continue;
    d += `${last ? "L" : "M"}${p[0].toFixed(1)} ${p[1].toFixed(1)}`;
    last = p;
  }
  return d && closed ? `${d}Z` : d;
}
