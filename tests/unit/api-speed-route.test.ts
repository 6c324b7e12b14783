import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, geojson } from "@/lib/api/responses";
import { getBriefData } from "@/lib/data";
import { filterEvents } from "@/lib/events/filter";
import { eventFeature } from "@/lib/events/to-feature";

/** The handler as it was before the index: filter every event, then stringify the collection. */
async function plainHandler(request: NextRequest): Promise<Response> {
  return answer(async () => {
    const data = await getBriefData();
    const filter = readEventQuery(request.nextUrl.searchParams, (id) => data.layers.find((l) => l.manifest.id === id)?.data.features);
    return geojson({ type: "FeatureCollection", features: filterEvents(data.events, filter).map((e) => eventFeature(e, filter.detail)) });
  });
}

let GET: (request: NextRequest) => Promise<Response>;
const VARIABLES = ["BRIEFMAP_DATA_DIR", "BRIEFMAP_SYNTHETIC_EVENTS", "BRIEFMAP_SYNTHETIC_SEED"] as const;
const saved = VARIABLES.map((name) => process.env[name]);
beforeAll(async () => {
  // The shipped data with a synthetic set, as a benchmark server runs.
  process.env.BRIEFMAP_DATA_DIR = join(import.meta.dirname, "..", "..", "data");
  process.env.BRIEFMAP_SYNTHETIC_EVENTS = "1500";
  process.env.BRIEFMAP_SYNTHETIC_SEED = "3";
  ({ GET } = await import("@/app/api/events/route"));
});
afterAll(() => {
  VARIABLES.forEach((name, i) => {
    if (saved[i] === undefined) delete process.env[name];
    else process.env[name] = saved[i];
  });
});

const QUERIES = [
  "",
  "bbox=35.5,32.5,36.5,33.5&from=2024-06-01&to=2024-08-31",
  "bbox=35.5,32.5,36.5,33.5&from=2024-06-01&to=2024-08-31&detail=brief",
  "types=",
  "types=strike,protest",
  "q=suwayda",
  "q=CH%C3%82TEAU",
  "layer=as-suwayda",
  "layer=paris&detail=brief",
  "bbox=170,-90,10,90",
  "from=2025-08-01",
  "id=synthetic-42",
  "detail=brief",
  "bbox=0,0,1,1",
  // Refused with 400s, which must read the same.
  "from=2024-09-01&to=2024-08-01",
  "bbox=1,2,3",
  "detail=bogus",
  "types=bogus",
  "layer=nope",
  "from=2024-13-01",
];

describe("GET /api/events", () => {
  it.each(QUERIES)("answers ?%s exactly as filtering every event did", async (query) => {
    const url = `http://localhost/api/events?${query}`;
    const [now, before] = await Promise.all([GET(new NextRequest(url)), plainHandler(new NextRequest(url))]);
    expect(now.status).toBe(before.status);
    expect(now.headers.get("content-type")).toBe(before.headers.get("content-type"));
    expect(await now.text()).toBe(await before.text());
  });

  it("serves the synthetic set it was asked for", async () => {
    expect((await getBriefData()).events.length).toBeGreaterThan(1500);
  });
});
