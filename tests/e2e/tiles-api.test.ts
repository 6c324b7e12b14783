import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tileBounds, type TileAddress } from "@/lib/tiles/tile-address";
import { decodeTile, tileCount, type DecodedFeature } from "../harness/decode-tile";
import { postgresMissing, startPostgres, type PostgresCluster } from "../harness/postgres";
import type { NextServer } from "./harness/next-server";
import { call, eventBody, startServer, tempDatabase } from "./writes-client";

/*
 * Issue 15: `/api/events/tiles/{z}/{x}/{y}` on both backends. A tile decoded with the
 * @mapbox/vector-tile reader counts, per type and in all, what `/api/events/digest` counts for the
 * same filter inside the tile's bounds; a write shows on a tile that was cached before it.
 */

const SYNTHETIC = { BRIEFMAP_SYNTHETIC_EVENTS: "5000", BRIEFMAP_SYNTHETIC_SEED: "1", BRIEFMAP_ADMIN_TOKEN: "test-admin-token-0123456789abcdef" };

/** The world, the Levant at zoom 3 and 6, and central Paris at zoom 12. */
const TILES: TileAddress[] = [
  { z: 0, x: 0, y: 0 },
  { z: 3, x: 4, y: 3 },
  { z: 6, x: 38, y: 25 },
  { z: 12, x: 2074, y: 1409 },
];
const FILTERS = ["", "types=strike,diplomacy", "from=2024-03-01&to=2024-09-30", "q=synthetic%20strike%201"];

async function tile(base: string, t: TileAddress, filter: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/events/tiles/${t.z}/${t.x}/${t.y}${filter ? `?${filter}` : ""}`, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, layers: decodeTile(bytes) };
}

function countsByType(layers: Record<string, DecodedFeature[]>): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const f of [...(layers.events ?? []), ...(layers.areas ?? [])]) {
    for (const [key, value] of Object.entries(f.properties)) if (key.startsWith("count:")) byType[key.slice(6)] = (byType[key.slice(6)] ?? 0) + Number(value);
  }
  return byType;
}

function defineTileSuite(name: string, serverOf: () => NextServer) {
  describe(`event tiles (${name})`, () => {
    it("decode to the digest's counts, per type and in all, for the same filter and area", async () => {
      const base = serverOf().url;
      let nonEmpty = 0;
      for (const t of TILES) {
        for (const filter of FILTERS) {
          const { response, layers } = await tile(base, t, filter);
          expect(response.status).toBe(200);
          expect(response.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
          const digest = (await (await fetch(`${base}/api/events/digest?bbox=${tileBounds(t).join(",")}${filter ? `&${filter}` : ""}`)).json()) as { count: number; byType: Record<string, number> };
          const label = `${t.z}/${t.x}/${t.y}?${filter}`;
          expect(tileCount(layers).total, label).toBe(digest.count);
          expect(countsByType(layers), label).toEqual(digest.byType);
          if (digest.count > 0) nonEmpty++;
        }
      }
      expect(nonEmpty, "most tiles hold events").toBeGreaterThan(10);
    });

    it("groups at low zoom and gives single events with their ids at high zoom", async () => {
      const base = serverOf().url;
      const world = (await tile(base, { z: 0, x: 0, y: 0 }, "")).layers;
      expect(world.events?.length).toBeLessThanOrEqual(256);
      expect(world.events?.some((f) => Number(f.properties.count) > 100 && typeof f.properties.dominant === "string")).toBe(true);
      const close = (await tile(base, { z: 12, x: 2074, y: 1409 }, "")).layers;
      const singles = [...(close.events ?? [])].filter((f) => f.properties.count === 1);
      expect(singles.length).toBeGreaterThan(0);
      const id = String(singles[0]!.properties.id);
      expect((await fetch(`${base}/api/events/${encodeURIComponent(id)}`)).status).toBe(200);
    });

    it("shows a write on a tile cached before it, with a new ETag", async () => {
      const base = serverOf().url;
      const t = { z: 6, x: 38, y: 25 };
      const first = await tile(base, t, "types=protest");
      const etag = first.response.headers.get("etag")!;
      expect(etag).toBeTruthy();
      // Cached: the same answer again, and a revalidation is a 304.
      expect((await tile(base, t, "types=protest", { "if-none-match": etag })).response.status).toBe(304);
      const created = await call(base, "POST", "/api/events", { body: eventBody(`tile-write-${name.length}`, { type: "protest" }) });
      expect(created.status).toBe(201);
      const after = await tile(base, t, "types=protest", { "if-none-match": etag });
      expect(after.response.status).toBe(200);
      expect(after.response.headers.get("etag")).not.toBe(etag);
      expect(tileCount(after.layers).total).toBe(tileCount(first.layers).total + 1);
    });

    it("refuses a bad address or a parameter tiles do not take, naming it", async () => {
      const base = serverOf().url;
      for (const [path, param] of [
        ["/api/events/tiles/23/0/0", "z"],
        ["/api/events/tiles/2/4/0", "x"],
        ["/api/events/tiles/2/0/-1", "y"],
        ["/api/events/tiles/2/0/0?bbox=0,0,1,1", "bbox"],
        ["/api/events/tiles/2/0/0?types=nonsense", "types"],
      ] as const) {
        const answer = await call(base, "GET", path, { token: null });
        expect(answer.status, path).toBe(400);
        expect((answer.body as { error: { param: string } }).error.param, path).toBe(param);
      }
    });
  });
}

describe("event tiles over HTTP", () => {
  const database = tempDatabase();
  let sqlite: NextServer | undefined;
  beforeAll(async () => {
    sqlite = await startServer(database.url, SYNTHETIC);
  }, 180_000);
  afterAll(async () => {
    await sqlite?.stop();
    database.remove();
  });
  defineTileSuite("SQLite", () => sqlite!);
});

const missing = postgresMissing();
if (missing) console.warn(`tile tests on PostGIS skipped: ${missing}`);

describe.skipIf(missing !== undefined)("event tiles over HTTP on PostGIS", () => {
  let cluster: PostgresCluster | undefined;
  let server: NextServer | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
    server = await startServer(cluster.url, SYNTHETIC);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await cluster?.stop();
  });
  defineTileSuite("PostGIS", () => server!);
});
