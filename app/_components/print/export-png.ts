import type { Snapshot } from "@/lib/map/snapshot";
import type { PrintModel } from "@/lib/print/model";

/**
 * The map image with a title band above and a legend band below, on one 2D canvas at the map's
 * resolution: a picture that stands on its own in a chat or a slide.
 */
export async function composePng(model: PrintModel, snapshot: Snapshot): Promise<Blob> {
  const image = new Image();
  image.src = snapshot.dataUrl;
  await image.decode();
  const k = snapshot.resolution.pixels.pixelRatio; // CSS px → image px, so text scales with the map
  const pad = 10 * k;
  const layers = model.layers.filter((l) => model.visible.includes(l.id));
  const items = [
    ...layers.map((l) => ({ label: l.title, color: l.style.color, kind: l.geometryType.endsWith("Polygon") ? "area" : l.geometryType.endsWith("LineString") ? "line" : "point" })),
    ...model.eventTypes.map((t) => ({ label: t.label, color: t.color, kind: "event" })),
  ];
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot compose images (no 2D canvas).");
  const font = (px: number, weight = 400) => `${weight} ${px * k}px system-ui, "Noto Sans", sans-serif`;

  // Legend rows wrap across the width; measure first so that the canvas is tall enough.
  ctx.font = font(11);
  const rows: { x: number; item: (typeof items)[number] }[][] = [[]];
  let x = pad;
  for (const item of items) {
    const w = 26 * k + ctx.measureText(item.label).width + 14 * k;
    if (x + w > image.width - pad && x > pad) {
      rows.push([]);
      x = pad;
    }
    rows[rows.length - 1]!.push({ x, item });
    x += w;
  }
  const titleBand = 38 * k;
  const rowHeight = 18 * k;
  const legendBand = rows.length * rowHeight + 2 * pad + 16 * k;
  canvas.width = image.width;
  canvas.height = Math.round(titleBand + image.height + legendBand);

  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#1b1f24";
  ctx.font = font(18, 700);
  ctx.textBaseline = "middle";
  ctx.fillText(model.title, pad, titleBand / 2, image.width - 2 * pad);
  ctx.drawImage(image, 0, titleBand);

  let y = titleBand + image.height + pad + rowHeight / 2;
  ctx.font = font(11);
  for (const row of rows) {
    for (const { x: left, item } of row) {
      ctx.fillStyle = item.color;
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2 * k;
      if (item.kind === "area") {
        ctx.globalAlpha = 0.3;
        ctx.fillRect(left, y - 6 * k, 20 * k, 12 * k);
        ctx.globalAlpha = 1;
        ctx.strokeRect(left, y - 6 * k, 20 * k, 12 * k);
      } else if (item.kind === "line") {
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(left + 20 * k, y);
        ctx.stroke();
      } else {
        ctx.beginPath();
        ctx.arc(left + 10 * k, y, (item.kind === "event" ? 5 : 4) * k, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.fillStyle = "#1b1f24";
      ctx.fillText(item.label, left + 26 * k, y);
    }
    y += rowHeight;
  }
  ctx.fillStyle = "#5b6470";
  ctx.font = font(9);
  ctx.fillText(`${model.attributions.join(" · ")} · ${model.link}`, pad, y, image.width - 2 * pad);

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be encoded."))), "image/png"));
}
