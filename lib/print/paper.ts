/** Paper the print page lays a view out for, as the `paper` and `orientation` params name it. */
export const PAPERS = ["a4", "a3", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

export const ORIENTATIONS = ["portrait", "landscape"] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** 150 is enough for a briefing handout; 300 for a wall or a zoomed-in PDF. */
export const DPIS = [150, 300] as const;
export type Dpi = (typeof DPIS)[number];

/** Portrait width × height in millimetres (ISO 216; US Letter is 8.5 × 11 in). */
const PORTRAIT_MM: Record<Paper, readonly [number, number]> = {
  a4: [210, 297],
  a3: [297, 420],
  letter: [215.9, 279.4],
};

/** The names CSS `@page { size }` and people use. */
export const PAPER_LABEL: Record<Paper, string> = { a4: "A4", a3: "A3", letter: "Letter" };

export type SizeMm = { width: number; height: number };

export function pageSizeMm(paper: Paper, orientation: Orientation): SizeMm {
  const [short, long] = PORTRAIT_MM[paper];
  return orientation === "portrait" ? { width: short, height: long } : { width: long, height: short };
}

export const MM_PER_INCH = 25.4;
/** CSS pins 1in to 96px, whatever the screen: the sheet is laid out in these. */
export const CSS_PX_PER_INCH = 96;
export const PT_PER_INCH = 72;

export const mmToCssPx = (mm: number): number => (mm / MM_PER_INCH) * CSS_PX_PER_INCH;
export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const cssPxToMm = (px: number): number => (px / CSS_PX_PER_INCH) * MM_PER_INCH;

/** `@page` size value, e.g. "A4 landscape": built only from the enums above, never from input text. */
export function cssPageSize(paper: Paper, orientation: Orientation): string {
  return `${PAPER_LABEL[paper]} ${orientation}`;
}
