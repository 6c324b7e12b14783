import type { Snapshot } from "@/lib/map/snapshot";
import { MARGIN_MM, type Box } from "../layout";
import { paginateList } from "../list-pages";
import type { PrintModel } from "../model";
import { CONTINUED } from "../sheet-text";
import { drawEventList, eventHeight } from "./event-list";
import { drawFooter, drawHeader } from "./header-footer";
import { drawMapFrame } from "./map-frame";
import type { Painter } from "./painter";
import { drawSidebar } from "./sidebar";

const shifted = (box: Box): Box => ({ ...box, x: box.x + MARGIN_MM, y: box.y + MARGIN_MM });

/**
 * The sheet as the /print page lays it out, drawn with any painter: header, map with scale and
 * north, legend, sources and link, the events in columns, footer; then as many further pages as the
 * events need. Returns the number of pages drawn.
 */
export function drawSheet(painter: Painter, model: PrintModel, snapshot: Snapshot): number {
  const { boxes, continuation } = model.layout;
  const listPages = paginateList(model.events.length, (i, width) => eventHeight(painter, model.events[i]!, width), boxes.list, continuation);
  const pages = Math.max(1, listPages.length);
  const dpi = snapshot.resolution.dpi;
  const origin = { x: MARGIN_MM, y: MARGIN_MM };

  drawHeader(painter, model, shifted(boxes.header));
  drawMapFrame(painter, snapshot, shifted(boxes.map));
  drawSidebar(painter, model, shifted(boxes.sidebar));
  if (listPages[0]) drawEventList(painter, model.events, listPages[0], origin);
  drawFooter(painter, model, shifted(boxes.footer), dpi, 1, pages);

  for (const [i, page] of listPages.slice(1).entries()) {
    if (!painter.newPage()) return 1;
    drawHeader(painter, model, shifted(boxes.header), CONTINUED);
    drawEventList(painter, model.events, page, origin);
    drawFooter(painter, model, shifted(boxes.footer), dpi, i + 2, pages);
  }
  return pages;
}
