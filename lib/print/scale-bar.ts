/** Earth's equatorial circumference in metres (WGS 84), as web-mercator maps use it. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** MapLibre's tiles are 512 CSS px wide at zoom 0. */
const TILE_SIZE = 512;

/** Ground metres one CSS pixel covers at the map's centre (web mercator: shrinks with cos(latitude)). */
export function metresPerCssPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

export type ScaleBar = {
  /** Ground distance the bar stands for. */
  metres: number;
  /** "500 m", "20 km". */
  label: string;
  /** The bar's length in CSS px on the map image as laid out on the sheet. */
  cssPx: number;
};

/** 1, 2 or 5 times a power of ten: distances people read without arithmetic. */
export function roundDistance(metres: number): number {
  if (!(metres > 0) || !Number.isFinite(metres)) return 0;
  const power = 10 ** Math.floor(Math.log10(metres));
  const step = [5, 2, 1].find((s) => s * power <= metres) ?? 1;
  return step * power;
}

export function distanceLabel(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toLocaleString("en-GB")} km` : `${metres} m`;
}

/**
 * The longest round distance that fits in `maxCssPx` at this zoom and latitude. The scale holds at
 * the map's centre only; mercator stretches it towards the poles, which is why it is computed there.
 */
export function scaleBar(zoom: number, latitude: number, maxCssPx: number): ScaleBar | null {
  const perPx = metresPerCssPixel(zoom, latitude);
  const metres = roundDistance(perPx * maxCssPx);
  if (metres === 0) return null;
  return { metres, label: distanceLabel(metres), cssPx: metres / perPx };
}
