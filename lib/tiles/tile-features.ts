import type { EventType } from "@/lib/model/event-types";
import type { TileAddress } from "./tile-address";
import { tilePosition } from "./tile-address";
import type { TileGroupRow } from "./tile-groups";
import { TILE_EXTENT, TYPES_IN_ORDER, dominantType, typeCountProperty } from "./tile-schema";

export type TileFeature = { position: [number, number]; properties: Record<string, string | number> };

/** A group row as a tile feature's position and properties (lib/tiles/tile-schema.ts). */
export function tileFeature(row: TileGroupRow, tile: TileAddress): TileFeature {
  const counts: Partial<Record<EventType, number>> = {};
  const properties: Record<string, string | number> = { count: Number(row.n) };
  TYPES_IN_ORDER.forEach((type, i) => {
    const n = Number(row[`t${i}`] ?? 0);
    if (n > 0) {
      counts[type] = n;
      properties[typeCountProperty(type)] = n;
    }
  });
  const dominant = dominantType(counts);
  if (dominant) properties.dominant = dominant;
  if (row.id !== null) properties.id = row.id;
  if (row.type !== null) properties.type = row.type;
  if (row.geo_precision !== null) properties.geoPrecision = row.geo_precision;
  if (row.ids !== null) properties.ids = row.ids;
  if (row.layer === "areas") {
    if (row.precision !== null) properties.precision = row.precision;
    if (row.place !== null) properties.place = row.place;
  }
  return { position: tilePosition([row.lon, row.lat], tile, TILE_EXTENT), properties };
}
