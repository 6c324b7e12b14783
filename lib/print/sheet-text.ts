import type { PrintEvent, PrintModel } from "./model";

/** The words of the sheet, shared by the HTML page, the PDF and the PNG so that they say the same. */
export const datesLine = (model: PrintModel): string => `View of ${model.viewDate} · Time window: ${model.timeWindow}`;

export const footerMedium = (model: PrintModel, dpi: number): string => `Briefmap · ${model.paperLabel} ${model.print.orientation}, map at ${dpi} dpi`;

export const footerPrinted = (model: PrintModel): string => `Printed ${model.printedAt}`;

export const pageNumber = (page: number, pages: number): string => (pages > 1 ? ` · page ${page} of ${pages}` : "");

export const LINK_LABEL = "Open this view:";

export const eventHead = (e: PrintEvent): string => `${e.dateLabel} · ${e.title}`;

export const quoted = (quote: string): string => `“${quote}”`;

export const CONTINUED = "Events in view, continued";

export const SELECTED_KEY = "Selected event; its place outlined (dashed: places it is about)";
