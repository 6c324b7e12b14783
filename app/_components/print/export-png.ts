import type { Snapshot } from "@/lib/map/snapshot";
import { drawSheet } from "@/lib/print/draw/sheet";
import type { PrintModel } from "@/lib/print/model";
import { MM_PER_INCH } from "@/lib/print/paper";
import { canvasPainter, registerFonts } from "./canvas-painter";
import { fontsFor, sheetTexts } from "./sheet-font-files";

/**
 * The sheet's first page as a PNG of the paper's size at the chosen dpi (A4 landscape at 300 dpi:
 * 3508×2480 px): map, scale bar, north arrow, legend, sources and link, as on paper.
 */
export async function composePng(model: PrintModel, snapshot: Snapshot): Promise<Blob> {
  const image = new Image();
  image.src = snapshot.dataUrl;
  const [fonts] = await Promise.all([fontsFor(sheetTexts(model)), image.decode()]);
  await registerFonts(fonts);
  const dpi = snapshot.resolution.dpi;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round((model.layout.page.width / MM_PER_INCH) * dpi);
  canvas.height = Math.round((model.layout.page.height / MM_PER_INCH) * dpi);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot compose images (no 2D canvas).");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  drawSheet(canvasPainter(ctx, image, dpi), model, snapshot);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be encoded."))), "image/png"));
}
