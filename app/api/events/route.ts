import type { NextRequest } from "next/server";
import { getBriefData } from "@/lib/data";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojsonText } from "@/lib/api/responses";
import { findEvents } from "@/lib/events/index-events";
import { featureCollectionJson } from "@/lib/events/serialize-features";

/**
 * `/api/events`: the events passing the filters, in data order, as a FeatureCollection. The
 * loaded events are indexed once (lib/events/index-events.ts) and each feature's JSON is written
 * once (lib/events/serialize-features.ts), so an answer costs about what it holds.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const data = await getBriefData();
    const filter = readEventQuery(request.nextUrl.searchParams, (id) => data.layers.find((l) => l.manifest.id === id)?.data.features);
    return geojsonText(featureCollectionJson(findEvents(data.events, filter), filter.detail));
  });
}

import { eventKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";

/** POST an event in the data/ form; needs the admin token (lib/api/writes). */
export const POST = create(eventKind);
