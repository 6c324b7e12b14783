import type { NextRequest } from "next/server";
import { getBriefData } from "@/lib/data";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, json } from "@/lib/api/responses";
import { serverDigest } from "@/lib/events/digest";
import { findEvents } from "@/lib/events/index-events";

/**
 * `/api/events/digest?<the /api/events filters>`: what the dashboard's list, filter bar and
 * timeline show of a filtered set too large to send whole (see lib/events/digest.ts).
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const data = await getBriefData();
    const filter = readEventQuery(request.nextUrl.searchParams, (id) => data.layers.find((l) => l.manifest.id === id)?.data.features);
    return json(serverDigest(findEvents(data.events, filter), data.articles[0]?.id));
  });
}
