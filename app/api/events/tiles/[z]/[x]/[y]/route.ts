import type { NextRequest } from "next/server";
import { readEventQuery } from "@/lib/api/event-query";
import { answer, ParamError } from "@/lib/api/responses";
import { storeIds } from "@/lib/api/store-ids";
import { getStore } from "@/lib/store";
import { readTileAddress } from "@/lib/tiles/tile-address";
import { tileCache, tileKey } from "@/lib/tiles/tile-cache";

/** Parameters of /api/events that a tile does not take: its box is the tile, its form is MVT. */
const NOT_FOR_TILES = ["bbox", "detail", "limit", "after"];

/**
 * `/api/events/tiles/{z}/{x}/{y}?<the /api/events filters>`: the matching events in one tile as a
 * Mapbox Vector Tile (lib/tiles/tile-schema.ts): groups per grid cell with counts per type at low
 * zooms, single events at high zooms, area-level events on a layer of their own. Cached per store
 * revision, filter and tile; the ETag changes with any write, so a revalidating client sees it.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  return answer(async () => {
    const { z, x, y } = await params;
    const address = readTileAddress(z, x, y);
    if (!address.ok) throw new ParamError(address.param, address.reason);
    const search = request.nextUrl.searchParams;
    for (const name of NOT_FOR_TILES) if (search.has(name)) throw new ParamError(name, `"${name}" is not taken by tiles: a tile's box is its own and its form is a vector tile`);
    const store = await getStore();
    const { query } = await readEventQuery(search, storeIds(store));
    const key = tileKey(store.kind, await store.revision(), address.tile, query);
    const tile = await tileCache().get(key, () => store.eventTile(query, address.tile));
    const headers = {
      "content-type": "application/vnd.mapbox-vector-tile",
      etag: tile.etag,
      // Kept, but asked about again each time: a write must show at once, and an unchanged tile costs a 304.
      "cache-control": "public, max-age=0, must-revalidate",
    };
    if (request.headers.get("if-none-match") === tile.etag) return new Response(null, { status: 304, headers });
    return new Response(tile.bytes.byteLength ? new Uint8Array(tile.bytes) : null, { status: 200, headers });
  });
}
