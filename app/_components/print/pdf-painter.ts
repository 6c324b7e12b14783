import { GState, type jsPDF } from "jspdf";
import { visualRuns, type TextRun } from "@/lib/print/bidi-runs";
import type { Box } from "@/lib/print/layout";
import type { Font, Ink, Painter } from "@/lib/print/draw/painter";
import type { SheetFont } from "@/lib/print/sheet-fonts";

/** Embeds the TTFs (jsPDF subsets them) under their family names. */
export function embedFonts(doc: jsPDF, fonts: readonly { font: SheetFont; bytes: ArrayBuffer }[]): Set<string> {
  const families = new Set<string>();
  for (const { font, bytes } of fonts) {
    doc.addFileToVFS(font.file, base64(bytes));
    doc.addFont(font.file, font.family, font.bold ? "bold" : "normal");
    families.add(font.script);
  }
  return families;
}

function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

const FAMILY = { hebrew: "Briefmap Hebrew", arabic: "Briefmap Arabic" } as const;

/**
 * The sheet drawn with jsPDF in mm. jsPDF has neither bidi nor font fallback: each line is cut into
 * runs in visual order (bidi-js), each run set in a font that has its script, Arabic shaped by
 * jsPDF's own `processArabic` and right-to-left runs reversed after shaping (its R2L option).
 */
export function pdfPainter(doc: jsPDF, mapDataUrl: string, embedded: ReadonlySet<string>): Painter {
  const setRunFont = (run: TextRun, font: Font) => {
    doc.setFontSize(font.pt);
    if (run.script !== "latin" && embedded.has(run.script)) doc.setFont(FAMILY[run.script], font.bold ? "bold" : "normal");
    else doc.setFont("helvetica", font.bold && font.italic ? "bolditalic" : font.bold ? "bold" : font.italic ? "italic" : "normal");
  };
  const runWidth = (run: TextRun, font: Font) => {
    setRunFont(run, font);
    return doc.getTextWidth(run.script === "arabic" ? doc.processArabic(run.text) : run.text);
  };
  const paint = (ink: Ink, draw: (style: string) => void) => {
    doc.saveGraphicsState();
    if (ink.opacity !== undefined) doc.setGState(new GState({ opacity: ink.opacity, "stroke-opacity": ink.opacity }));
    if (ink.fill) doc.setFillColor(ink.fill);
    if (ink.stroke) doc.setDrawColor(ink.stroke);
    if (ink.lineWidth !== undefined) doc.setLineWidth(ink.lineWidth);
    doc.setLineDashPattern(ink.dash ?? [], 0);
    draw(ink.fill && ink.stroke ? "FD" : ink.fill ? "F" : "S");
    doc.restoreGraphicsState();
  };
  return {
    measure: (text, font) => visualRuns(text).reduce((w, run) => w + runWidth(run, font), 0),
    text(text, x, y, font, color) {
      doc.setTextColor(color);
      for (const run of visualRuns(text)) {
        const width = runWidth(run, font);
        doc.text(run.text, x, y, { baseline: "top", R2L: run.rtl } as Parameters<jsPDF["text"]>[3]);
        x += width;
      }
    },
    rect: (box: Box, ink) => paint(ink, (style) => doc.rect(box.x, box.y, box.width, box.height, style)),
    polyline(points, ink, closed = false) {
      const [first, ...rest] = points;
      if (!first) return;
      let [px, py] = first;
      const deltas = rest.map(([x, y]) => {
        const d: [number, number] = [x - px, y - py];
        [px, py] = [x, y];
        return d;
      });
      paint(ink, (style) => doc.lines(deltas, first[0], first[1], [1, 1], style, closed));
    },
    circle: (x, y, radius, ink) => paint(ink, (style) => doc.circle(x, y, radius, style)),
    mapImage: (box) => doc.addImage(mapDataUrl, "JPEG", box.x, box.y, box.width, box.height),
    link: (box, url) => doc.link(box.x, box.y, box.width, box.height, { url }),
    newPage() {
      doc.addPage();
      return true;
    },
  };
}
