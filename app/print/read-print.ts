import "server-only";
import { getBriefData } from "@/lib/data";
import { printModel, type PrintModel } from "@/lib/print/model";
import { readPrintParams } from "@/lib/print/print-params";
import { knownIds } from "@/lib/view/first-view";
import { publicOrigin } from "@/lib/view/public-origin";
import { readView, type IgnoredParam, type SearchParams } from "@/lib/view/read-view";

/**
 * The print of a request's query: the page and the export buttons' JSON read it the same way. The
 * printed link and QR code use the public origin (BRIEFMAP_PUBLIC_URL behind a proxy), as shared links do.
 */
export async function readPrint(search: SearchParams): Promise<{ model: PrintModel; ignored: IgnoredParam[] }> {
  const data = await getBriefData();
  const { view, ignored } = readView(search, knownIds(data));
  const { print, ignored: printIgnored } = readPrintParams(search);
  const model = printModel(data, view, print, await publicOrigin(), new Date());
  return { model, ignored: [...ignored, ...printIgnored] };
}
