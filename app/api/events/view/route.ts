import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { readReader, withoutReader } from "@/lib/api/reader";
import { answer, json } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { getStore } from "@/lib/store";
import { viewEvents } from "@/lib/view/view-events";

/**
 * `/api/events/view?<the /api/events filters>[&reader=<article id>]`: the events of a filter as the
 * dashboard holds them, small or large decided for this filter: `{ complete: true, events }` when
 * at most 2,000 match, else `{ complete: false, digest }` and the map fetches `detail=marker`.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const store = await getStore();
    const { query } = await readEventQuery(withoutReader(request.nextUrl.searchParams), storeIds(store));
    return json(await viewEvents(store, query, await readReader(store, request.nextUrl.searchParams)));
  });
}
