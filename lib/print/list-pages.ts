import type { Box } from "./layout";

/** Columns narrower than this make a quote a word per line; a wider list gets more columns instead. */
const MIN_COLUMN_MM = 55;
export const LIST_COLUMN_GAP_MM = 5;

/** How many columns of events a list box of this width holds. */
export function columnsFor(widthMm: number): number {
  return Math.max(1, Math.floor((widthMm + LIST_COLUMN_GAP_MM) / (MIN_COLUMN_MM + LIST_COLUMN_GAP_MM)));
}

export function columnWidthMm(widthMm: number): number {
  const columns = columnsFor(widthMm);
  return (widthMm - (columns - 1) * LIST_COLUMN_GAP_MM) / columns;
}

/** One event's place on a page: its column, and its top in mm from the list box's top. */
export type PlacedItem = { index: number; column: number; y: number };
export type ListPage = { box: Box; columns: number; columnWidthMm: number; items: PlacedItem[] };

/**
 * Lays the events out in columns, in order, as many pages as they need: the first page's list box,
 * then full continuation boxes. A paper brief carries every event; nothing is counted away. An event
 * taller than a column gets a column to itself (and is cut there, the only thing that can be).
 * `heightOf` gives an event's height in mm for a column width, measured by the medium that draws it.
 */
export function paginateList(count: number, heightOf: (index: number, columnMm: number) => number, first: Box | null, next: Box): ListPage[] {
  if (!first || count === 0) return [];
  const pages: ListPage[] = [];
  let index = 0;
  let box = first;
  while (index < count) {
    const columns = columnsFor(box.width);
    const width = columnWidthMm(box.width);
    const page: ListPage = { box, columns, columnWidthMm: width, items: [] };
    let column = 0;
    let y = 0;
    while (index < count && column < columns) {
      const height = heightOf(index, width);
      if (y > 0 && y + height > box.height) {
        column++;
        y = 0;
        continue;
      }
      page.items.push({ index, column, y });
      y += height;
      index++;
    }
    pages.push(page);
    box = next;
  }
  return pages;
}
