import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";

/**
 * What an event tile holds, the same from both backends (SQLite encodes it with @maplibre/vt-pbf,
 * PostGIS with ST_AsMVT):
 *
 * - layer `events`: located events (exact and city precision), grouped per grid cell: `count`, one
 *   `count:<type>` per type present, `dominant` (the commonest type; a tie goes to the first in
 *   alphabetical order). A cell of one event is that event: `id`, `type`, `geoPrecision` too.
 *   From DETAIL_ZOOM on, cells are single positions: only events at one point stay together, and
 *   such a group lists its `ids` (space-separated) when it has at most GROUP_IDS of them (coarser
 *   cells do not: they are opened by zooming in).
 * - layer `areas`: region- and country-level events, never merged with others: one feature per
 *   area (its representative point, precision and name), with `count`, the type counts, `dominant`,
 *   `precision` and `place` (the area's name), and `id`/`ids` as above.
 *
 * Counts summed over a tile equal what `/api/events/digest` counts for the tile's bounds.
 */
export const TILE_LAYER = { events: "events", areas: "areas" } as const;

/** Tile coordinates per side (the MVT default). */
export const TILE_EXTENT = 4096;

/** Grid cells per tile side below DETAIL_ZOOM: 8 cells of 64 px on a 512 px tile, so that the largest disc (50 px) never covers its neighbour. */
export const CELLS_PER_SIDE = 8;

/** From this zoom on a tile groups only events at the very same point (the map's source maxzoom). */
export const DETAIL_ZOOM = 14;

/** A group at one point lists its events' ids up to this many (the map lists them on a click). */
export const GROUP_IDS = 50;

/** Precisions whose point stands for a whole area: drawn on their own layer. */
export const AREA_PRECISIONS = ["country", "region"] as const;

/** The type counts' property names, in vocabulary order. */
export const typeCountProperty = (type: EventType) => `count:${type}`;

export const TYPES_IN_ORDER: readonly EventType[] = EVENT_TYPES;

/** The commonest type of a group; a tie goes to the alphabetically first (as PostgreSQL's `mode()` picks). */
export function dominantType(counts: Partial<Record<EventType, number>>): EventType | undefined {
  let best: EventType | undefined;
  for (const type of [...TYPES_IN_ORDER].sort()) {
    const n = counts[type] ?? 0;
    if (n > 0 && (best === undefined || n > (counts[best] ?? 0))) best = type;
  }
  return best;
}
