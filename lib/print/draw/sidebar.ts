import QRCode from "qrcode";
import type { Box } from "../layout";
import type { PrintModel } from "../model";
import { LINK_LABEL, SELECTED_KEY } from "../sheet-text";
import { blockHeight, drawBlock } from "./text-block";
import { INK, MUTED, STATUS, type Painter } from "./painter";

const ITEM = { pt: 7 };
const NOTE = { pt: 6.5 };
const HEADING = { pt: 8, bold: true };
const QR_MM = 22;
const KEY_MM = 7;

/** Legend, sources and the link with its QR code; the link block sits at the bottom and is never cut. */
export function drawSidebar(painter: Painter, model: PrintModel, box: Box): void {
  const linkText = `${LINK_LABEL} ${model.link}`;
  const linkWidth = box.width - QR_MM - 2;
  const linkTop = box.y + box.height - Math.max(QR_MM, blockHeight(painter, linkText, linkWidth, NOTE));
  let y = box.y;
  const heading = (text: string) => {
    painter.text(text.toUpperCase(), box.x, y, HEADING, MUTED);
    y += 4;
  };
  const keyed = (text: string, drawKey: (x: number, y: number) => void, font = ITEM, color = INK) => {
    drawKey(box.x, y);
    y = drawBlock(painter, text, box.x + KEY_MM, y, box.width - KEY_MM, font, color, linkTop - 2) + 0.8;
  };

  heading("Layers");
  for (const layer of model.layers.filter((l) => model.visible.includes(l.id))) {
    const { color, dashed, fillOpacity } = layer.style;
    keyed(layer.title, (x, top) => {
      if (layer.geometryType.endsWith("Polygon")) painter.rect({ x, y: top + 0.2, width: 5, height: 2.6 }, { fill: color, opacity: Math.max(fillOpacity, 0.15), stroke: color, lineWidth: 0.3, dash: dashed ? [0.8, 0.5] : undefined });
      else if (layer.geometryType.endsWith("LineString")) painter.polyline([[x, top + 1.5], [x + 5, top + 1.5]], { stroke: color, lineWidth: 0.6, dash: dashed ? [1, 0.5] : undefined });
      else painter.circle(x + 2.5, top + 1.5, 1, { fill: color });
    });
    if (layer.provenance.status) y = drawBlock(painter, layer.provenance.status, box.x + KEY_MM, y - 0.8, box.width - KEY_MM, NOTE, STATUS, linkTop - 2) + 0.8;
  }
  if (model.eventTypes.length) {
    y += 1.5;
    heading("Events");
    // Two to a row, as on the HTML sheet: the types are short words.
    const half = (box.width - 2) / 2;
    for (const [i, t] of model.eventTypes.entries()) {
      const x = box.x + (i % 2) * (half + 2);
      painter.circle(x + 2.5, y + 1.3, 1.2, { fill: t.color, stroke: "#ffffff", lineWidth: 0.25 });
      const below = drawBlock(painter, t.label, x + KEY_MM, y, half - KEY_MM, ITEM, INK, linkTop - 2) + 0.8;
      if (i % 2 === 1 || i === model.eventTypes.length - 1) y = below;
    }
    if (model.selectedId) keyed(SELECTED_KEY, (x, top) => painter.circle(x + 2.5, top + 1.3, 1.2, { fill: "#ffffff", stroke: INK, lineWidth: 0.5 }));
  }
  y += 1.5;
  heading("Sources");
  for (const a of model.attributions) y = drawBlock(painter, `• ${a}`, box.x, y, box.width, NOTE, INK, linkTop - 2) + 0.4;

  drawQr(painter, model.link, box.x, linkTop, QR_MM);
  painter.link({ x: box.x, y: linkTop, width: QR_MM, height: QR_MM }, model.link);
  drawBlock(painter, linkText, box.x + QR_MM + 2, linkTop, linkWidth, NOTE, INK);
}

function drawQr(painter: Painter, link: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // A hair wider than the cell, so that no seam shows between dark modules at any resolution.
      if (modules.get(row, col)) painter.rect({ x: x + col * cell, y: y + row * cell, width: cell + 0.01, height: cell + 0.01 }, { fill: INK });
    }
  }
}
