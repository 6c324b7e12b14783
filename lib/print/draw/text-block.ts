import { wrapText } from "../text-fit";
import { lineMm, type Font, type Painter } from "./painter";

/** Wrapped lines of a text for a width, as this painter measures them. */
export function linesOf(painter: Painter, text: string, width: number, font: Font): string[] {
  return wrapText(text, width, (t) => painter.measure(t, font));
}

/** Height of a wrapped text in mm. */
export function blockHeight(painter: Painter, text: string, width: number, font: Font): number {
  return linesOf(painter, text, width, font).length * lineMm(font.pt);
}

/** Draws a wrapped text from `y` down, no line below `bottom`; returns the y under the last line drawn. */
export function drawBlock(painter: Painter, text: string, x: number, y: number, width: number, font: Font, color: string, bottom = Infinity): number {
  const step = lineMm(font.pt);
  for (const line of linesOf(painter, text, width, font)) {
    if (y + step > bottom + 1e-6) break;
    painter.text(line, x, y, font, color);
    y += step;
  }
  return y;
}
