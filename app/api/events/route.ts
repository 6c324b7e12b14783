import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojsonText } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { writeCursor } from "@/lib/events/list-cursor";
import { featureCollectionJson, featureCollectionStream } from "@/lib/events/serialize-features";
import { getStore } from "@/lib/store";

/**
 * `/api/events`: the events passing the filters, in list (time) order, as a FeatureCollection,
 * streamed from the store page by page so that no answer is held whole. With `limit` (and
 * `after`), one page of the list from the store's keyset cursor, and `next`: the `after` of the
 * following page, null after the last.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const store = await getStore();
    const { query, detail, page } = await readEventQuery(request.nextUrl.searchParams, storeIds(store));
    if (!page) return geojsonText(await featureCollectionStream(store.eachEvent(query), detail));
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
