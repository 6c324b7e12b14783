import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { TileAddress } from "./tile-address";
import { tileFeature } from "./tile-features";
import type { TileGroupRow } from "./tile-groups";
import { TILE_EXTENT, TILE_LAYER } from "./tile-schema";

type VtTiles = Parameters<typeof fromGeojsonVt>[0];

/** Group rows as Mapbox Vector Tile bytes (version 2); a layer without features is left out, as ST_AsMVT does. */
export function encodeTile(rows: readonly TileGroupRow[], tile: TileAddress): Uint8Array {
  const layers: Record<string, { features: { type: 1; geometry: [number, number][]; tags: Record<string, string | number> }[] }> = {};
  for (const row of rows) {
    const name = row.layer === "areas" ? TILE_LAYER.areas : TILE_LAYER.events;
    const { position, properties } = tileFeature(row, tile);
    (layers[name] ??= { features: [] }).features.push({ type: 1, geometry: [position], tags: properties });
  }
  if (Object.keys(layers).length === 0) return new Uint8Array(0);
  return fromGeojsonVt(layers as unknown as VtTiles, { version: 2, extent: TILE_EXTENT });
}
