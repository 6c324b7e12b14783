import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { readReader, withoutReader } from "@/lib/api/reader";
import { answer, json } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { getStore } from "@/lib/store";
import { storeDigest } from "@/lib/view/view-events";

/**
 * `/api/events/digest?<the /api/events filters>[&reader=<article id>]`: what the dashboard's list,
 * filter bar and timeline show of a filtered set too large to send whole (lib/events/digest.ts);
 * `marked` are the events of the reader's article (default: the newest) among them.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const store = await getStore();
    const params = withoutReader(request.nextUrl.searchParams);
    const { query } = await readEventQuery(params, storeIds(store));
    return json(await storeDigest(store, query, await readReader(store, request.nextUrl.searchParams)));
  });
}
