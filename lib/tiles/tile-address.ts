/** One tile of the Web Mercator pyramid (XYZ scheme: y counts from the north). */
export type TileAddress = { z: number; x: number; y: number };

/** Deepest zoom a tile is served for; MapLibre draws past it by scaling that zoom's tiles. */
export const MAX_TILE_ZOOM = 22;

/** Latitude where Web Mercator tiles end (the square world). */
const MAX_LAT = 85.0511287798066;

const lonOf = (x: number, n: number) => (x / n) * 360 - 180;
const latOf = (y: number, n: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;

/** The tile's area as [west, south, east, north] degrees; the poles' rows reach to ±90 so that no event is left out. */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  const n = 2 ** z;
  const north = y === 0 ? 90 : latOf(y, n);
  const south = y === n - 1 ? -90 : latOf(y + 1, n);
  return [lonOf(x, n), south, lonOf(x + 1, n), north];
}

/** Where a position falls in a tile's own coordinates (0..extent; the world's edges clamp to the tile's). */
export function tilePosition([lon, lat]: [number, number], { z, x, y }: TileAddress, extent: number): [number, number] {
  const n = 2 ** z;
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const rad = (clamped * Math.PI) / 180;
  const px = ((lon + 180) / 360) * n - x;
  const py = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n - y;
  const inside = (v: number) => Math.max(0, Math.min(extent - 1, Math.round(v * extent)));
  return [inside(px), inside(py)];
}

/**
 * Reads `z`, `x`, `y` path segments strictly: whole numbers, z in 0..MAX_TILE_ZOOM and x, y inside
 * the zoom's grid. Returns the reason naming the segment when one is wrong.
 */
export function readTileAddress(z: string, x: string, y: string): { ok: true; tile: TileAddress } | { ok: false; param: "z" | "x" | "y"; reason: string } {
  const whole = (v: string) => (/^\d{1,8}$/.test(v) ? Number(v) : NaN);
  const zoom = whole(z);
  if (!Number.isInteger(zoom) || zoom > MAX_TILE_ZOOM) return { ok: false, param: "z", reason: `"${z.slice(0, 20)}" is not a zoom from 0 to ${MAX_TILE_ZOOM}` };
  const n = 2 ** zoom;
  const column = whole(x);
  if (!Number.isInteger(column) || column >= n) return { ok: false, param: "x", reason: `"${x.slice(0, 20)}" is not a column from 0 to ${n - 1} at zoom ${zoom}` };
  const row = whole(y.replace(/\.(pbf|mvt)$/, ""));
  if (!Number.isInteger(row) || row >= n) return { ok: false, param: "y", reason: `"${y.slice(0, 20)}" is not a row from 0 to ${n - 1} at zoom ${zoom}` };
  return { ok: true, tile: { z: zoom, x: column, y: row } };
}
