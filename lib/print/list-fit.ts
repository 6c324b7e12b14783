/** The event list's type: small, but still readable on paper. */
export const LIST_FONT_PT = 6.5;
export const LIST_LINE_HEIGHT = 1.25;
/** Space after each event (CSS margin-bottom of an item). */
export const ITEM_GAP_MM = 1.6;
/** An average sans-serif character is about half an em wide; a little more errs on the safe side. */
const CHAR_EM = 0.53;
const PT_TO_MM = 25.4 / 72;
/** The head's type dot takes this much of the first line. */
const DOT_MM = 3;

export type ListText = { head: string; summary: string; quotes: readonly string[] };

function lines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine));
}

/**
 * Estimated height of one event in mm, for a column `widthMm` wide: the HTML sheet is laid out by
 * the browser, after the server decided which events go on which page, so the server estimates.
 */
export function itemHeightMm(item: ListText, widthMm: number): number {
  const perLine = (width: number) => Math.max(10, Math.floor(width / (LIST_FONT_PT * CHAR_EM * PT_TO_MM)));
  const count = lines(item.head, perLine(widthMm - DOT_MM)) + lines(item.summary, perLine(widthMm)) + item.quotes.reduce((n, q) => n + lines(`“${q}”`, perLine(widthMm)), 0);
  return count * LIST_FONT_PT * LIST_LINE_HEIGHT * PT_TO_MM + ITEM_GAP_MM;
}
