import "server-only";
import { getBriefData } from "@/lib/data";
import { printModel, type PrintModel } from "@/lib/print/model";
import { readPrintParams } from "@/lib/print/print-params";
import { knownIds } from "@/lib/view/first-view";
import { readView, type IgnoredParam, type SearchParams } from "@/lib/view/read-view";
import { requestOrigin } from "./request-origin";

/** The print of a request's query: the page and the export buttons' JSON read it the same way. */
export async function readPrint(search: SearchParams): Promise<{ model: PrintModel; ignored: IgnoredParam[] }> {
  const data = await getBriefData();
  const { view, ignored } = readView(search, knownIds(data));
  const { print, ignored: printIgnored } = readPrintParams(search);
  const model = printModel(data, view, print, await requestOrigin(), new Date());
  return { model, ignored: [...ignored, ...printIgnored] };
}
