import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojsonText } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { featureCollectionStream } from "@/lib/events/serialize-features";
import { getStore } from "@/lib/store";

/**
 * `/api/events`: the events passing the filters, in list (time) order, as a FeatureCollection,
 * streamed from the store page by page so that no answer is held whole.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const store = await getStore();
    const { query, detail } = await readEventQuery(request.nextUrl.searchParams, storeIds(store));
    return geojsonText(await featureCollectionStream(store.eachEvent(query), detail));
  });
}

import { eventKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";

/** POST an event in the data/ form; needs the admin token (lib/api/writes). */
export const POST = create(eventKind);
