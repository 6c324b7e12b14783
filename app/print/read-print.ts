import "server-only";
import { getStore } from "@/lib/store";
import { printModel, type PrintModel } from "@/lib/print/model";
import { readPrintParams } from "@/lib/print/print-params";
import { featureBBoxesOf, selectedEvent } from "@/lib/view/first-view";
import { viewEventQuery } from "@/lib/view/event-query";
import type { IgnoredParam, SearchParams } from "@/lib/view/read-view";
import { readingStore } from "@/lib/view/page-error";
import { readServerView } from "@/lib/view/server-view";
import { MAX_INLINE_EVENTS } from "@/lib/view/view-events-shape";
import { publicOrigin } from "@/lib/view/public-origin";

/**
 * The print of a request's query: the page and the export buttons' JSON read it the same way. The
 * printed link and QR code use the public origin (BRIEFMAP_PUBLIC_URL behind a proxy), as shared links do.
 */
export function readPrint(search: SearchParams): Promise<{ model: PrintModel; ignored: IgnoredParam[] }> {
  return readingStore(() => printOf(search));
}

async function printOf(search: SearchParams): Promise<{ model: PrintModel; ignored: IgnoredParam[] }> {
  const store = await getStore();
  const { view, ignored, layers } = await readServerView(store, search);
  const { print, ignored: printIgnored } = readPrintParams(search);
  // A sheet lists what fits a page's worth of events; the store never hands over a whole large set.
  const query = viewEventQuery(view);
  const [events, selected] = await Promise.all([store.events(query, { limit: MAX_INLINE_EVENTS }), selectedEvent(store, view)]);
  // Counted only when the list was cut: the sheet then says how many it leaves out.
  const matching = events.length < MAX_INLINE_EVENTS ? events.length : (await store.aggregate(query)).count;
  const featureBBox = await featureBBoxesOf(store, selected ? [selected.place, ...selected.aboutPlaces] : []);
  const model = printModel({ layers, events, matching, selected, featureBBox }, view, print, await publicOrigin(), new Date());
  return { model, ignored: [...ignored, ...printIgnored] };
}
