import type { EventQuery } from "@/lib/model/event-query";
import { tileBounds, type TileAddress } from "@/lib/tiles/tile-address";
import { groupedColumns, listsIds, type TileSqlDialect } from "@/lib/tiles/tile-groups";
import { GROUP_IDS, TILE_EXTENT, TILE_LAYER, TYPES_IN_ORDER, typeCountProperty } from "@/lib/tiles/tile-schema";
import { run, type Queryable } from "./connection";
import { eventFilterSql } from "./event-filter-sql";

const postgres: TileSqlDialect = {
  lon: "ST_X(e.point)",
  lat: "ST_Y(e.point)",
  type: "e.type",
  id: "e.id",
  precision: "e.geo_precision",
  placeName: "(e.places->'place'->>'name')",
  least: "LEAST",
  greatest: "GREATEST",
  idList: (id) => `string_agg(${id}, ' ' ORDER BY ${id})`,
  countOfType: (type, t) => `count(*) FILTER (WHERE ${type} = '${t}')`,
};

/** Property columns of a tile feature (ST_AsMVT leaves out the null ones). */
const typeCounts = TYPES_IN_ORDER.map((t) => `NULLIF(count(*) FILTER (WHERE g.type = '${t}'), 0)::int AS "${typeCountProperty(t)}"`).join(",\n    ");

const PROPERTY_COLUMNS = ["geom", "count", "dominant", "id", "type", '"geoPrecision"', "ids", "precision", "place", ...TYPES_IN_ORDER.map((t) => `"${typeCountProperty(t)}"`)].join(", ");

/**
 * One event tile from PostGIS: the tile's box goes through the one event filter (the GiST index
 * finds the candidates), groups are made as SQLite makes them, and ST_AsMVT writes each layer;
 * the two layers' bytes concatenated are one tile (protobuf messages concatenate).
 */
export async function postgresEventTile(db: Queryable, query: EventQuery, tile: TileAddress): Promise<Uint8Array> {
  const params: unknown[] = [];
  const n = (value: number) => {
    params.push(value);
    return `$${params.length}::float8`;
  };
  const columns = groupedColumns(postgres, tile, n);
  const { where } = eventFilterSql({ ...query, bbox: tileBounds(tile) }, undefined, params);
  const [z, x, y] = [tile.z, tile.x, tile.y].map((v) => {
    params.push(v);
    return `$${params.length}::int`;
  });
  const layer = (name: string) =>
    `coalesce((SELECT ST_AsMVT(f, '${name}', ${TILE_EXTENT}, 'geom') FROM (SELECT ${PROPERTY_COLUMNS} FROM features WHERE layer_name = '${name}') f), ''::bytea)`;
  const sql = `
  WITH g AS (SELECT ${columns} FROM events e WHERE ${where}),
  features AS (
    SELECT g.layer AS layer_name,
    ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(avg(g.lon), LEAST(GREATEST(avg(g.lat), -85.0511), 85.0511)), 4326), 3857), ST_TileEnvelope(${z}, ${x}, ${y}), ${TILE_EXTENT}, 64, false) AS geom,
    count(*)::int AS count,
    mode() WITHIN GROUP (ORDER BY g.type) AS dominant,
    CASE WHEN count(*) = 1 THEN min(g.id) END AS id,
    CASE WHEN count(*) = 1 THEN min(g.type) END AS type,
    CASE WHEN count(*) = 1 THEN min(g.precision) END AS "geoPrecision",
    CASE WHEN count(*) > 1 AND count(*) <= ${GROUP_IDS} AND ${listsIds(tile, "g.layer")} THEN ${postgres.idList("g.id")} END AS ids,
    CASE WHEN g.layer = 'areas' THEN min(g.precision) END AS precision,
    min(g.place) AS place,
    ${typeCounts}
    FROM g GROUP BY g.layer, g.k1, g.k2, g.k3
  )
  SELECT ${layer(TILE_LAYER.events)} || ${layer(TILE_LAYER.areas)} AS tile`;
  const { rows } = await run<{ tile: Buffer }>(db, sql, params);
  const bytes = rows[0]?.tile;
  return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(0);
}
