import type { EventType } from "@/lib/model/event-types";
import { AREA_PRECISIONS, CELLS_PER_SIDE, DETAIL_ZOOM, GROUP_IDS, TYPES_IN_ORDER } from "./tile-schema";
import type { TileAddress } from "./tile-address";

/**
 * The grouping both backends run in SQL, written once with the column names and functions each
 * dialect gives: which layer an event goes to and the key of its group in the tile.
 */
export type TileSqlDialect = {
  lon: string;
  lat: string;
  type: string;
  id: string;
  precision: string;
  /** The area's name, from the event's resolved place. */
  placeName: string;
  /** min/max over two numbers: SQLite's scalar `min`, PostgreSQL's LEAST. */
  least: string;
  greatest: string;
  /** Text concatenation of the group's ids ordered by id, separated by spaces. */
  idList: (idColumn: string) => string;
  /** The count of rows of one type in a group (a number in both dialects). */
  countOfType: (typeColumn: string, type: EventType) => string;
};

const areaList = AREA_PRECISIONS.map((p) => `'${p}'`).join(", ");

/** The subquery's columns: layer, the group key (k1, k2, k3) and what the groups aggregate. */
export function groupedColumns(d: TileSqlDialect, tile: TileAddress, n: (value: number) => string): string {
  const isArea = `${d.precision} IN (${areaList})`;
  const world = 2 ** tile.z;
  const detail = tile.z >= DETAIL_ZOOM;
  const lat = `${d.least}(${d.greatest}(${d.lat}, -85.0511), 85.0511)`;
  const cell = (frac: string) => `${d.least}(${CELLS_PER_SIDE - 1}, ${d.greatest}(0, floor((${frac}) * ${CELLS_PER_SIDE})))`;
  const cx = cell(`(${d.lon} + 180.0) / 360.0 * ${n(world)} - ${n(tile.x)}`);
  const cy = cell(`(1.0 - ln(tan(radians(${lat})) + 1.0 / cos(radians(${lat}))) / pi()) / 2.0 * ${n(world)} - ${n(tile.y)}`);
  return [
    `CASE WHEN ${isArea} THEN 'areas' ELSE 'events' END AS layer`,
    `CASE WHEN ${isArea} OR ${detail ? "true" : "false"} THEN ${d.lon} ELSE ${cx} END AS k1`,
    `CASE WHEN ${isArea} OR ${detail ? "true" : "false"} THEN ${d.lat} ELSE ${cy} END AS k2`,
    `CASE WHEN ${isArea} THEN ${d.precision} || '|' || ${d.placeName} ELSE '' END AS k3`,
    `CASE WHEN ${isArea} THEN ${d.placeName} END AS place`,
    `${d.id} AS id`,
    `${d.type} AS type`,
    `${d.precision} AS precision`,
    `${d.lon} AS lon`,
    `${d.lat} AS lat`,
  ].join(",\n  ");
}

/**
 * Whether a group lists its ids: only where a click lists them (an area's ring, or a group at one
 * point from DETAIL_ZOOM on); a coarser cell is opened by zooming in, and its ids would only weigh.
 */
export function listsIds(tile: TileAddress, layer: string): string {
  return tile.z >= DETAIL_ZOOM ? "true" : `${layer} = 'areas'`;
}

/** The aggregates per group over the subquery `g`; type counts as t0..t8 in vocabulary order. */
export function groupAggregates(d: TileSqlDialect, tile: TileAddress): string {
  return [
    "g.layer",
    "count(*) AS n",
    "avg(g.lon) AS lon",
    "avg(g.lat) AS lat",
    "CASE WHEN count(*) = 1 THEN min(g.id) END AS id",
    "CASE WHEN count(*) = 1 THEN min(g.type) END AS type",
    "CASE WHEN count(*) = 1 THEN min(g.precision) END AS geo_precision",
    "min(g.precision) AS precision",
    "min(g.place) AS place",
    `CASE WHEN count(*) > 1 AND count(*) <= ${GROUP_IDS} AND ${listsIds(tile, "g.layer")} THEN ${d.idList("g.id")} END AS ids`,
    ...TYPES_IN_ORDER.map((type, i) => `${d.countOfType("g.type", type)} AS t${i}`),
  ].join(",\n  ");
}

/** One group as both backends' SQL returns it (PostgreSQL's counts come back as strings). */
export type TileGroupRow = {
  layer: "events" | "areas";
  n: number | string;
  lon: number;
  lat: number;
  id: string | null;
  type: string | null;
  geo_precision: string | null;
  precision: string | null;
  place: string | null;
  ids: string | null;
} & Record<`t${number}`, number | string | null>;
