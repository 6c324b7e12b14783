import type { EventQuery } from "@/lib/model/event-query";
import { encodeTile } from "@/lib/tiles/encode-tile";
import { tileBounds, type TileAddress } from "@/lib/tiles/tile-address";
import { groupAggregates, groupedColumns, type TileGroupRow, type TileSqlDialect } from "@/lib/tiles/tile-groups";
import type { Db } from "./database";
import { eventConditions } from "./event-conditions";

const sqlite: TileSqlDialect = {
  lon: "e.lon",
  lat: "e.lat",
  type: "e.type",
  id: "e.id",
  precision: "e.geo_precision",
  placeName: "json_extract(e.places, '$.place.name')",
  least: "min",
  greatest: "max",
  idList: (id) => `group_concat(${id}, ' ' ORDER BY ${id})`,
  countOfType: (type, t) => `sum(${type} = '${t}')`,
};

/**
 * One event tile from SQLite: the tile's box goes through the one event filter (the R*Tree finds
 * the candidates), the grouping runs in SQL, and @maplibre/vt-pbf writes the groups as MVT.
 */
export function sqliteEventTile(db: Db, query: EventQuery, tile: TileAddress): Uint8Array {
  const { where, params } = eventConditions({ ...query, bbox: tileBounds(tile) });
  const sql = `SELECT ${groupAggregates(sqlite, tile)}
    FROM (SELECT ${groupedColumns(sqlite, tile, String)} FROM events e ${where}) g
    GROUP BY g.layer, g.k1, g.k2, g.k3`;
  const rows = db.prepare(sql).all(...params) as TileGroupRow[];
  return encodeTile(rows, tile);
}
