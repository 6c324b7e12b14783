import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojsonText } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { writeCursor } from "@/lib/events/list-cursor";
import { featureCollectionJson, featureCollectionStream } from "@/lib/events/serialize-features";
import { EXPORT_FORMATS, eventsDownload } from "@/lib/export/events-export";
import { attachment, viewFileName } from "@/lib/export/filename";
import { ParamError } from "@/lib/api/responses";
import { getStore } from "@/lib/store";

/**
 * `/api/events`: the events passing the filters, in list (time) order, as a FeatureCollection,
 * streamed from the store page by page so that no answer is held whole. `format=csv|kml|geojson`
 * makes it a download (lib/export) whose file name names the view. With `limit` (and `after`), one
 * page of the list from the store's keyset cursor, and `next`: the `after` of the following page,
 * null after the last.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const store = await getStore();
    const params = request.nextUrl.searchParams;
    const { query, detail, page } = await readEventQuery(params, storeIds(store));
    const format = params.get("format");
    if (format !== null && !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ParamError("format", `"${format.slice(0, 40)}" is not one of ${EXPORT_FORMATS.join(", ")}`);
    if (format !== null && page) throw new ParamError("limit", "a download holds every matching event: leave out limit and after with format");
    if (format === "csv" || format === "kml") return eventsDownload(store, query, format);
    if (!page) {
      const body = await featureCollectionStream(store.eachEvent(query), detail);
      return geojsonText(body, format === "geojson" ? { headers: { "content-disposition": attachment(viewFileName(query, "geojson")) } } : undefined);
    }
    const events = await store.events(query, page);
    const last = events.at(-1);
    const next = last && events.length === page.limit ? writeCursor({ start: last.time.start, end: last.time.end, id: last.id }) : null;
    const collection = featureCollectionJson(events, detail);
    return geojsonText(`${collection.slice(0, -1)},"next":${JSON.stringify(next)}}`);
  });
}

import { eventKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";

/** POST an event in the data/ form; needs the admin token (lib/api/writes). */
export const POST = create(eventKind);
