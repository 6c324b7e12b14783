import type { NextRequest } from "next/server";
import { getBriefData } from "@/lib/data";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojson } from "@/lib/api/responses";
import { filterEvents } from "@/lib/events/filter";
import { eventFeature } from "@/lib/events/to-feature";

export async function GET(request: NextRequest) {
  return answer(async () => {
    const data = await getBriefData();
    const filter = readEventQuery(request.nextUrl.searchParams, (id) => data.layers.find((l) => l.manifest.id === id)?.data.features);
    const events = filterEvents(data.events, filter);
    return geojson({ type: "FeatureCollection", features: events.map((e) => eventFeature(e, filter.detail)) });
  });
}
