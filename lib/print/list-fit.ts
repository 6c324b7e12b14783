import { GAP_MM } from "./layout";

/** The event list's type: small, but still readable on paper. */
export const LIST_FONT_PT = 6.5;
export const LIST_LINE_HEIGHT = 1.25;
export const LIST_COLUMNS = 3;
export const LIST_COLUMN_GAP_MM = 5;
/** Space after each event (CSS margin-bottom of an item). */
export const ITEM_GAP_MM = 1.6;
/** An average sans-serif character is about half an em wide; a little more errs on the safe side. */
const CHAR_EM = 0.53;
const PT_TO_MM = 25.4 / 72;

export type ListText = { head: string; summary: string; quotes: readonly string[] };

function lines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine));
}

/** Estimated height of one event in mm, for a column `widthMm` wide. */
export function itemHeightMm(item: ListText, widthMm: number): number {
  const charsPerLine = Math.max(10, Math.floor(widthMm / (LIST_FONT_PT * CHAR_EM * PT_TO_MM)));
  const count = lines(item.head, charsPerLine) + lines(item.summary, charsPerLine) + item.quotes.reduce((n, q) => n + lines(`“${q}”`, charsPerLine), 0);
  return count * LIST_FONT_PT * LIST_LINE_HEIGHT * PT_TO_MM + ITEM_GAP_MM;
}

/**
 * How many events fit in the list box, filling columns in order as CSS columns do with unbreakable
 * items. When not all fit, one line is kept free for the "N more events" note, so nothing is cut.
 */
export function eventsThatFit(items: readonly ListText[], box: { widthMm: number; heightMm: number }): number {
  const columnMm = (box.widthMm - (LIST_COLUMNS - 1) * LIST_COLUMN_GAP_MM) / LIST_COLUMNS;
  const noteMm = LIST_FONT_PT * LIST_LINE_HEIGHT * PT_TO_MM + GAP_MM;
  const place = (limitMm: number, lastColumnLimitMm: number): number => {
    let column = 0;
    let used = 0;
    for (let i = 0; i < items.length; i++) {
      const h = itemHeightMm(items[i]!, columnMm);
      const limit = column === LIST_COLUMNS - 1 ? lastColumnLimitMm : limitMm;
      if (used + h <= limit) {
        used += h;
        continue;
      }
      column++;
      if (column >= LIST_COLUMNS) return i;
      used = h;
      if (h > (column === LIST_COLUMNS - 1 ? lastColumnLimitMm : limitMm)) return i;
    }
    return items.length;
  };
  const all = place(box.heightMm, box.heightMm);
  return all === items.length ? all : place(box.heightMm, box.heightMm - noteMm);
}
