import QRCode from "qrcode";
import type { Snapshot } from "@/lib/map/snapshot";
import { FOOTER_MM, GAP_MM, HEADER_MM, MARGIN_MM } from "@/lib/print/layout";
import { LIST_COLUMNS, LIST_COLUMN_GAP_MM } from "@/lib/print/list-fit";
import type { PrintModel } from "@/lib/print/model";
import { cssPxToMm } from "@/lib/print/paper";
import { scaleBar } from "@/lib/print/scale-bar";

type Doc = import("jspdf").jsPDF;

const INK = "#1b1f24";
const MUTED = "#5b6470";
const LINE_MM = (pt: number) => pt * 0.3528 * 1.25;

/** Writes wrapped text from the top down; returns the y below it, or null when it did not fit above `bottom`. */
function block(doc: Doc, text: string, x: number, y: number, width: number, pt: number, bottom: number): number | null {
  doc.setFontSize(pt);
  const lines = doc.splitTextToSize(text, width) as string[];
  const height = lines.length * LINE_MM(pt);
  if (y + height > bottom) return null;
  doc.text(lines, x, y, { baseline: "top", lineHeightFactor: 1.25 });
  return y + height;
}

function drawQr(doc: Doc, link: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  doc.setFillColor(INK);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell, "F");
    }
  }
}

/** The whole sheet as a PDF page: the same layout as /print, drawn with jsPDF at the chosen paper. */
export async function composePdf(model: PrintModel, snapshot: Snapshot): Promise<Blob> {
  const { jsPDF } = await import("jspdf");
  const { layout, print } = model;
  const doc = new jsPDF({ orientation: print.orientation, unit: "mm", format: print.paper, compress: true });
  doc.setProperties({ title: model.title, creator: "Briefmap" });
  const left = MARGIN_MM;
  const top = MARGIN_MM;
  const right = MARGIN_MM + layout.content.width;
  const bottom = MARGIN_MM + layout.content.height;

  doc.setTextColor(INK);
  doc.setFont("helvetica", "bold");
  doc.setFontSize(15);
  doc.text(doc.splitTextToSize(model.title, layout.content.width - 80)[0] as string, left, top + HEADER_MM - 3);
  doc.setFont("helvetica", "normal");
  doc.setFontSize(8);
  doc.setTextColor(MUTED);
  doc.text(`View of ${model.viewDate} · Time window: ${model.timeWindow}`, right, top + HEADER_MM - 3, { align: "right" });
  doc.setDrawColor(INK);
  doc.setLineWidth(0.4);
  doc.line(left, top + HEADER_MM, right, top + HEADER_MM);

  const mapX = left;
  const mapY = top + HEADER_MM + GAP_MM;
  const mapW = cssPxToMm(layout.map.cssWidth);
  const mapH = cssPxToMm(layout.map.cssHeight);
  doc.addImage(snapshot.dataUrl, "JPEG", mapX, mapY, mapW, mapH);
  doc.setLineWidth(0.2);
  doc.setDrawColor("#9ca3ab");
  doc.rect(mapX, mapY, mapW, mapH);

  const scale = scaleBar(snapshot.camera.zoom, snapshot.camera.lat, 113);
  if (scale) {
    const bar = cssPxToMm(scale.cssPx);
    doc.setFillColor("#ffffff");
    doc.rect(mapX + 3, mapY + mapH - 10, bar + 4, 7, "F");
    doc.setTextColor(INK);
    doc.setFontSize(7);
    doc.text(scale.label, mapX + 5, mapY + mapH - 6.5);
    doc.setDrawColor(INK);
    doc.setLineWidth(0.3);
    doc.lines([[0, 1.4], [bar, 0], [0, -1.4]], mapX + 5, mapY + mapH - 6);
  }
  // North arrow: a triangle turned against the map's bearing, as on the print page.
  const cx = mapX + mapW - 7.5;
  const cy = mapY + 9;
  const turn = (-snapshot.camera.bearing * Math.PI) / 180;
  const at = (dx: number, dy: number): [number, number] => [cx + dx * Math.cos(turn) - dy * Math.sin(turn), cy + dx * Math.sin(turn) + dy * Math.cos(turn)];
  doc.setFillColor("#ffffff");
  doc.rect(cx - 4.5, cy - 8, 9, 13, "F");
  doc.setFillColor(INK);
  const [a, b, c] = [at(0, -4), at(2.2, 3.5), at(-2.2, 3.5)];
  doc.triangle(a[0], a[1], b[0], b[1], c[0], c[1], "F");
  doc.setFontSize(7);
  doc.setFont("helvetica", "bold");
  doc.text("N", cx, cy - 5, { align: "center" });
  doc.setFont("helvetica", "normal");

  // The sidebar: legend, sources, link with QR code.
  const sx = right - layout.sidebarMm;
  const sw = layout.sidebarMm;
  const sidebarBottom = bottom - FOOTER_MM - GAP_MM;
  let y = mapY;
  const heading = (text: string) => {
    doc.setFont("helvetica", "bold");
    doc.setTextColor(MUTED);
    doc.setFontSize(8);
    doc.text(text.toUpperCase(), sx, y, { baseline: "top" });
    doc.setFont("helvetica", "normal");
    doc.setTextColor(INK);
    y += 4;
  };
  heading("Layers");
  for (const l of model.layers.filter((layer) => model.visible.includes(layer.id))) {
    doc.setDrawColor(l.style.color);
    doc.setFillColor(l.style.color);
    if (l.geometryType.endsWith("Polygon")) doc.rect(sx, y, 5, 3, "D");
    else if (l.geometryType.endsWith("LineString")) doc.line(sx, y + 1.5, sx + 5, y + 1.5);
    else doc.circle(sx + 2.5, y + 1.5, 1, "F");
    y = block(doc, l.title, sx + 7, y, sw - 7, 7, sidebarBottom) ?? y;
    y += 0.8;
  }
  if (model.eventTypes.length) {
    y += 1.5;
    heading("Events");
    for (const t of model.eventTypes) {
      doc.setFillColor(t.color);
      doc.circle(sx + 2.5, y + 1.3, 1.2, "F");
      y = (block(doc, t.label, sx + 7, y, sw - 7, 7, sidebarBottom) ?? y) + 0.6;
    }
  }
  y += 1.5;
  heading("Sources");
  for (const a of model.attributions) y = (block(doc, `• ${a}`, sx, y, sw, 6.5, sidebarBottom - 26) ?? y) + 0.4;
  const qr = 22;
  drawQr(doc, model.link, sx, sidebarBottom - qr, qr);
  doc.setTextColor(INK);
  block(doc, `Open this view: ${model.link}`, sx + qr + 2, sidebarBottom - qr, sw - qr - 2, 6.5, sidebarBottom);

  // The events in view, in columns under the map, as many as fit; the rest are counted.
  if (print.list) {
    const listTop = mapY + mapH + GAP_MM;
    const listBottom = listTop + layout.listMm - 4;
    const colW = (mapW - (LIST_COLUMNS - 1) * LIST_COLUMN_GAP_MM) / LIST_COLUMNS;
    let column = 0;
    let ly = listTop;
    let shown = 0;
    for (const e of model.events) {
      const lines = [
        { text: `${e.dateLabel} · ${e.title}`, bold: true },
        { text: e.summary, bold: false },
        ...e.quotes.map((q) => ({ text: `“${q}”`, bold: false })),
      ];
      doc.setFontSize(6.5);
      const height = lines.reduce((h, l) => h + (doc.splitTextToSize(l.text, colW) as string[]).length * LINE_MM(6.5), 0);
      if (ly + height > listBottom) {
        column++;
        ly = listTop;
        if (column >= LIST_COLUMNS) break;
      }
      const cx2 = mapX + column * (colW + LIST_COLUMN_GAP_MM);
      for (const l of lines) {
        doc.setFont("helvetica", l.bold ? "bold" : "normal");
        ly = block(doc, l.text, cx2, ly, colW, 6.5, listBottom + 4) ?? ly;
      }
      ly += 1.6;
      shown++;
    }
    doc.setFont("helvetica", "italic");
    if (shown < model.events.length) block(doc, `… and ${model.events.length - shown} more events: open the link for all of them.`, mapX, listBottom, mapW, 6.5, listBottom + 4);
    doc.setFont("helvetica", "normal");
  }

  doc.setDrawColor("#9ca3ab");
  doc.setLineWidth(0.2);
  doc.line(left, bottom - FOOTER_MM, right, bottom - FOOTER_MM);
  doc.setFontSize(6.5);
  doc.setTextColor(MUTED);
  doc.text(`Briefmap · ${model.paperLabel} ${print.orientation}, map at ${snapshot.resolution.dpi} dpi`, left, bottom - 1);
  doc.text(`Printed ${model.printedAt}`, right, bottom - 1, { align: "right" });
  return doc.output("blob");
}
