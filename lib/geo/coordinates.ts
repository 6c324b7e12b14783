import { forward } from "mgrs";

/** How the pointer's position is written: decimal degrees, or a military grid reference. */
export type CoordinateFormat = "decimal" | "mgrs";

/** `33.51234° N, 36.27654° E`: five decimals (about a metre), hemisphere letters instead of signs. */
export function decimalDegrees(lon: number, lat: number): string {
  const ns = `${Math.abs(lat).toFixed(5)}° ${lat < 0 ? "S" : "N"}`;
  const ew = `${Math.abs(lon).toFixed(5)}° ${lon < 0 ? "W" : "E"}`;
  return `${ns}, ${ew}`;
}

/** MGRS to the metre, spaced as it is read aloud (`37S BU 12345 67890`); outside its latitudes, says so. */
export function mgrsReference(lon: number, lat: number): string {
  if (lat < -80 || lat > 84) return "outside MGRS (polar)";
  const grid = forward([lon, lat], 5);
  const m = /^(\d{1,2}[A-Z])([A-Z]{2})(\d{5})(\d{5})$/.exec(grid);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : grid;
}

export function formatCoordinates(lon: number, lat: number, format: CoordinateFormat): string {
  return format === "mgrs" ? mgrsReference(lon, lat) : decimalDegrees(lon, lat);
}
