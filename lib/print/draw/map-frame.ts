import type { Snapshot } from "@/lib/map/snapshot";
import type { Box } from "../layout";
import { cssPxToMm } from "../paper";
import { scaleBar } from "../scale-bar";
import { INK, RULE, type Painter } from "./painter";

/** The longest the scale bar may be: about 30 mm, as on the HTML sheet. */
export const SCALE_MAX_CSS_PX = 113;

/** The map image in its frame, a scale bar bottom left and a north arrow top right, turned with the map. */
export function drawMapFrame(painter: Painter, snapshot: Snapshot, box: Box): void {
  painter.mapImage(box);
  painter.rect(box, { stroke: RULE, lineWidth: 0.2 });
  drawScale(painter, snapshot, box);
  drawNorth(painter, snapshot.camera.bearing, box);
}

function drawScale(painter: Painter, snapshot: Snapshot, box: Box): void {
  const scale = scaleBar(snapshot.camera.zoom, snapshot.camera.lat, SCALE_MAX_CSS_PX);
  if (!scale) return;
  const bar = cssPxToMm(scale.cssPx);
  const x = box.x + 3;
  const bottom = box.y + box.height - 3;
  const label = scale.label + (snapshot.camera.pitch ? " (at centre)" : "");
  const font = { pt: 7 };
  painter.rect({ x, y: bottom - 7, width: Math.max(bar, painter.measure(label, font)) + 3, height: 7 }, { fill: "#ffffff", opacity: 0.85 });
  painter.text(label, x + 1.5, bottom - 6.5, font, INK);
  painter.polyline([[x + 1.5, bottom - 2.6], [x + 1.5, bottom - 1.2], [x + 1.5 + bar, bottom - 1.2], [x + 1.5 + bar, bottom - 2.6]], { stroke: INK, lineWidth: 0.3 });
}

function drawNorth(painter: Painter, bearing: number, box: Box): void {
  const cx = box.x + box.width - 7.5;
  const cy = box.y + 9;
  const turn = (-bearing * Math.PI) / 180;
  const at = (dx: number, dy: number): [number, number] => [cx + dx * Math.cos(turn) - dy * Math.sin(turn), cy + dx * Math.sin(turn) + dy * Math.cos(turn)];
  painter.rect({ x: cx - 4.5, y: cy - 8, width: 9, height: 13 }, { fill: "#ffffff", opacity: 0.85 });
  const font = { pt: 7, bold: true };
  painter.text("N", cx - painter.measure("N", font) / 2, cy - 7.6, font, INK);
  painter.polyline([at(0, -4), at(2.2, 3.5), at(0, 2), at(-2.2, 3.5)], { fill: INK }, true);
}
