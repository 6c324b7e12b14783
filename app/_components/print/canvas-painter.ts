import type { Box } from "@/lib/print/layout";
import type { Font, Ink, Painter } from "@/lib/print/draw/painter";
import { MM_PER_INCH } from "@/lib/print/paper";
import type { SheetFont } from "@/lib/print/sheet-fonts";

/** Hebrew and Arabic from the sheet's own fonts (limited to their scripts), the rest from the system. */
const FAMILY = `"Briefmap Hebrew", "Briefmap Arabic", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;

/** Makes the sheet's fonts usable by the canvas; the browser itself shapes and orders the text. */
export async function registerFonts(fonts: readonly { font: SheetFont; bytes: ArrayBuffer }[]): Promise<void> {
  const ranges = { hebrew: "U+0590-05FF, U+FB1D-FB4F", arabic: "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF" };
  for (const { font, bytes } of fonts) {
    const face = new FontFace(font.family, bytes, { weight: font.bold ? "700" : "400", unicodeRange: ranges[font.script] });
    document.fonts.add(await face.load());
  }
}

/** The sheet on a 2D canvas at `dpi`: mm are turned into pixels here, so every other part thinks in mm. */
export function canvasPainter(ctx: CanvasRenderingContext2D, map: CanvasImageSource, dpi: number): Painter {
  const px = dpi / MM_PER_INCH;
  const setFont = (font: Font) => {
    ctx.font = `${font.italic ? "italic " : ""}${font.bold ? 700 : 400} ${font.pt * (MM_PER_INCH / 72) * px}px ${FAMILY}`;
  };
  const paint = (ink: Ink, path: () => void) => {
    ctx.save();
    ctx.globalAlpha = ink.opacity ?? 1;
    ctx.setLineDash((ink.dash ?? []).map((d) => d * px));
    ctx.beginPath();
    path();
    if (ink.fill) {
      ctx.fillStyle = ink.fill;
      ctx.fill();
    }
    if (ink.stroke) {
      ctx.strokeStyle = ink.stroke;
      ctx.lineWidth = (ink.lineWidth ?? 0.2) * px;
      ctx.stroke();
    }
    ctx.restore();
  };
  return {
    measure(text, font) {
      setFont(font);
      return ctx.measureText(text).width / px;
    },
    text(text, x, y, font, color) {
      setFont(font);
      ctx.fillStyle = color;
      ctx.textBaseline = "top";
      ctx.fillText(text, x * px, y * px);
    },
    rect: (box: Box, ink) => paint(ink, () => ctx.rect(box.x * px, box.y * px, box.width * px, box.height * px)),
    polyline(points, ink, closed = false) {
      paint(ink, () => {
        points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * px, y * px) : ctx.lineTo(x * px, y * px)));
        if (closed) ctx.closePath();
      });
    },
    circle: (x, y, radius, ink) => paint(ink, () => ctx.arc(x * px, y * px, radius * px, 0, 2 * Math.PI)),
    mapImage: (box) => ctx.drawImage(map, box.x * px, box.y * px, box.width * px, box.height * px),
    link: () => {},
    newPage: () => false,
  };
}
