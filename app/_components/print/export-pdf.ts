import { jsPDF } from "jspdf";
import type { Snapshot } from "@/lib/map/snapshot";
import { drawSheet } from "@/lib/print/draw/sheet";
import type { PrintModel } from "@/lib/print/model";
import { embedFonts, pdfPainter } from "./pdf-painter";
import { fontsFor, sheetTexts } from "./sheet-font-files";

/** The sheet as a PDF at the chosen paper: the same parts as /print, and as many pages as the events need. */
export async function composePdf(model: PrintModel, snapshot: Snapshot): Promise<Blob> {
  const fonts = await fontsFor(sheetTexts(model));
  const doc = new jsPDF({ orientation: model.print.orientation, unit: "mm", format: model.print.paper, compress: true });
  doc.setProperties({ title: model.title, creator: "Briefmap" });
  drawSheet(pdfPainter(doc, snapshot.dataUrl, embedFonts(doc, fonts)), model, snapshot);
  return doc.output("blob");
}
