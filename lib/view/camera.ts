/** The map camera as the `map` URL parameter holds it: `ZOOM/LAT/LON[/BEARING[/PITCH]]`, MapLibre's hash order. */
export type Camera = { zoom: number; lat: number; lon: number; bearing: number; pitch: number };

const MAX_ZOOM = 22;
const MAX_LAT = 85.051129;
const MAX_PITCH = 85;

/**
 * Rounds a camera so that the same view always gives the same link: coordinates keep as many
 * decimals as the zoom can show (the rule MapLibre's own hash uses), angles whole degrees.
 */
export function roundCamera(c: Camera): Camera {
  const zoom = round(clamp(c.zoom, 0, MAX_ZOOM), 2);
  const decimals = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  return {
    zoom,
    lat: round(clamp(c.lat, -MAX_LAT, MAX_LAT), decimals),
    lon: round(wrapLon(c.lon), decimals),
    bearing: round(wrapBearing(c.bearing), 0),
    pitch: round(clamp(c.pitch, 0, MAX_PITCH), 0),
  };
}

export function parseCamera(value: string): Camera | null {
  const parts = value.split("/");
  if (parts.length < 3 || parts.length > 5) return null;
  if (!parts.every((p) => /^-?\d{1,3}(\.\d{1,12})?$/.test(p))) return null;
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map(Number) as number[];
  if (zoom! < 0 || zoom! > MAX_ZOOM || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) return null;
  if (Math.abs(bearing) > 360 || pitch < 0 || pitch > MAX_PITCH) return null;
  return roundCamera({ zoom: zoom!, lat: lat!, lon: lon!, bearing, pitch });
}

export function serializeCamera(c: Camera): string {
  const r = roundCamera(c);
  const parts = [r.zoom, r.lat, r.lon];
  // Trailing zero angles are left out, as in MapLibre's hash.
  if (r.bearing !== 0 || r.pitch !== 0) parts.push(r.bearing);
  if (r.pitch !== 0) parts.push(r.pitch);
  return parts.map(plain).join("/");
}

/** Decimal notation without trailing zeros: String(1e-7) would give "1e-7", which links must not hold. */
function plain(v: number): string {
  return v.toFixed(12).replace(/\.?0+$/, "");
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return serializeCamera(a) === serializeCamera(b);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const wrapLon = (lon: number) => (lon === 180 ? 180 : ((((lon + 180) % 360) + 360) % 360) - 180);
const wrapBearing = (b: number) => {
  const w = ((((b + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
};
// Math.round on a scaled value, then -0 folded to 0 so that serialization is stable.
const round = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f || 0;
};
