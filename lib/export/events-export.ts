import type { EventQuery } from "@/lib/model/event-query";
import type { Store } from "@/lib/store/store";
import { csvHead, eventCsvRow } from "./events-csv";
import { eventPlacemark, kmlHead, kmlTail } from "./events-kml";
import { attachment, viewFileName } from "./filename";
import { textStream } from "./text-stream";

export const EXPORT_FORMATS = ["csv", "kml", "geojson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The events a view shows, as a CSV or KML download streamed from the store (never held whole). */
export async function eventsDownload(store: Store, query: EventQuery, format: "csv" | "kml"): Promise<Response> {
  const events = store.eachEvent(query);
  const name = viewFileName(query, format);
  if (format === "csv") {
    const body = await textStream(events, eventCsvRow, csvHead(), "");
    return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(name) } });
  }
  const body = await textStream(events, eventPlacemark, kmlHead(name.replace(/\.kml$/, "")), kmlTail);
  return new Response(body, { headers: { "content-type": "application/vnd.google-earth.kml+xml; charset=utf-8", "content-disposition": attachment(name) } });
}
