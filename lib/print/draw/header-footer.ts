import type { Box } from "../layout";
import type { PrintModel } from "../model";
import { datesLine, footerMedium, footerPrinted, pageNumber } from "../sheet-text";
import { ellipsize } from "../text-fit";
import { INK, MUTED, RULE, lineMm, type Painter } from "./painter";

const TITLE = { pt: 15, bold: true };
const DATES = { pt: 8 };
const FOOTER = { pt: 6.5 };
const GAP_MM = 6;

/** Title (cut with "…" when it does not fit beside the dates), the dates on the right, a rule under both. */
export function drawHeader(painter: Painter, model: PrintModel, box: Box, subtitle?: string): void {
  const dates = subtitle ?? datesLine(model);
  const datesWidth = Math.min(painter.measure(dates, DATES), box.width / 2);
  const bottom = box.y + box.height;
  painter.text(dates, box.x + box.width - datesWidth, bottom - 1 - lineMm(DATES.pt), DATES, MUTED);
  const room = box.width - datesWidth - GAP_MM;
  const title = ellipsize(model.title, room, (t) => painter.measure(t, TITLE));
  painter.text(title, box.x, bottom - 1 - lineMm(TITLE.pt), TITLE, INK);
  painter.polyline([[box.x, bottom], [box.x + box.width, bottom]], { stroke: INK, lineWidth: 0.4 });
}

/** What the sheet is and when it was printed, with the page number when there are several. */
export function drawFooter(painter: Painter, model: PrintModel, box: Box, dpi: number, page: number, pages: number): void {
  painter.polyline([[box.x, box.y], [box.x + box.width, box.y]], { stroke: RULE, lineWidth: 0.2 });
  const y = box.y + box.height - lineMm(FOOTER.pt);
  painter.text(footerMedium(model, dpi) + pageNumber(page, pages), box.x, y, FOOTER, MUTED);
  const printed = footerPrinted(model);
  painter.text(printed, box.x + box.width - painter.measure(printed, FOOTER), y, FOOTER, MUTED);
}
