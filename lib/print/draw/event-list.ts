import { ITEM_GAP_MM, LIST_FONT_PT } from "../list-fit";
import type { ListPage } from "../list-pages";
import type { PrintEvent } from "../model";
import { eventHead, quoted } from "../sheet-text";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { LIST_COLUMN_GAP_MM } from "../list-pages";
import { blockHeight, drawBlock } from "./text-block";
import { INK, MUTED, type Font, type Painter } from "./painter";

const HEAD: Font = { pt: LIST_FONT_PT, bold: true };
const BODY: Font = { pt: LIST_FONT_PT };
const QUOTE: Font = { pt: LIST_FONT_PT, italic: true };
/** The type's dot sits before the head; the head's lines are indented by this much. */
const DOT_MM = 3;

const parts = (e: PrintEvent): [string, Font, string][] => [[e.summary, BODY, INK], ...e.quotes.map((q): [string, Font, string] => [quoted(q), QUOTE, MUTED])];

/** An event's height in a column this wide, as this painter measures text. */
export function eventHeight(painter: Painter, e: PrintEvent, width: number): number {
  return blockHeight(painter, eventHead(e), width - DOT_MM, HEAD) + parts(e).reduce((h, [text, font]) => h + blockHeight(painter, text, width, font), 0) + ITEM_GAP_MM;
}

/** One page's share of the list, each event with its date, title, summary and the article's own words. */
export function drawEventList(painter: Painter, events: readonly PrintEvent[], page: ListPage, origin: { x: number; y: number }): void {
  for (const item of page.items) {
    const e = events[item.index]!;
    const x = origin.x + page.box.x + item.column * (page.columnWidthMm + LIST_COLUMN_GAP_MM);
    let y = origin.y + page.box.y + item.y;
    painter.circle(x + 1.1, y + 1.35, 1.1, { fill: EVENT_TYPE_INFO[e.type].color, stroke: "#ffffff", lineWidth: 0.2 });
    y = drawBlock(painter, eventHead(e), x + DOT_MM, y, page.columnWidthMm - DOT_MM, HEAD, INK);
    for (const [text, font, color] of parts(e)) y = drawBlock(painter, text, x, y, page.columnWidthMm, font, color);
  }
}
