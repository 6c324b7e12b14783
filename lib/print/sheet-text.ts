import type { PrintEvent, PrintModel } from "./model";

/** The words of the sheet, shared by the HTML page, the PDF and the PNG so that they say the same. */
export const datesLine = (model: PrintModel): string => `View of ${model.viewDate} · Time window: ${model.timeWindow}${listedLine(model)}`;

/** Said on every page when the view matches more events than a sheet lists, so that nobody reads the list as all of them. */
function listedLine(model: PrintModel): string {
  if (model.matching <= model.events.length) return "";
  const n = (x: number) => x.toLocaleString("en-GB");
  return ` · ${n(model.events.length)} of ${n(model.matching)} matching events listed; narrow the view to list the rest`;
}

export const footerMedium = (model: PrintModel, dpi: number): string => `Briefmap · ${model.paperLabel} ${model.print.orientation}, map at ${dpi} dpi`;

export const footerPrinted = (model: PrintModel): string => `Printed ${model.printedAt}`;

export const pageNumber = (page: number, pages: number): string => (pages > 1 ? ` · page ${page} of ${pages}` : "");

export const LINK_LABEL = "Open this view:";

export const eventHead = (e: PrintEvent): string => `${e.dateLabel} · ${e.title}`;

export const quoted = (quote: string): string => `“${quote}”`;

export const CONTINUED = "Events in view, continued";

export const SELECTED_KEY = "Selected event; its place outlined (dashed: places it is about)";
