import type { Box } from "../layout";

/** Type on the sheet: sizes in points, as in the HTML sheet's CSS. */
export type Font = { pt: number; bold?: boolean; italic?: boolean };

/** How a shape is painted; widths in mm. */
export type Ink = { fill?: string; stroke?: string; lineWidth?: number; dash?: number[]; opacity?: number };

/**
 * What drawing a sheet needs from a medium, in mm from the page's top-left corner. The PDF (jsPDF)
 * and the PNG (2D canvas) implement it; the sheet is drawn once, by draw/sheet.ts, for both.
 */
export interface Painter {
  /** Width of a single line of text in mm. */
  measure(text: string, font: Font): number;
  /** One line of text, its top at `y`. */
  text(text: string, x: number, y: number, font: Font, color: string): void;
  rect(box: Box, ink: Ink): void;
  polyline(points: readonly [number, number][], ink: Ink, closed?: boolean): void;
  circle(x: number, y: number, radius: number, ink: Ink): void;
  /** The map snapshot, stretched to the box. */
  mapImage(box: Box): void;
  /** Makes `box` open `url` where the medium can (a PDF link). */
  link(box: Box, url: string): void;
  /** Starts the next sheet; false when the medium has one page only (PNG). */
  newPage(): boolean;
}

export const INK = "#1b1f24";
export const MUTED = "#5b6470";
export const RULE = "#9ca3ab";
export const STATUS = "#8a1c1c";

/** Line height in mm for a font size in points (CSS line-height 1.25, as on the HTML sheet). */
export const lineMm = (pt: number): number => pt * (25.4 / 72) * 1.25;
