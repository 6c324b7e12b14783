import { feature } from "topojson-client";

type Topology = Parameters<typeof feature>[0];
type Ring = GeoJSON.Position[];

/** 0.01° (about 1 km) is finer than Natural Earth 1:50m itself and keeps the payload small. */
const hundredths = (value: number) => Math.round(value * 100) / 100;

/**
 * world-atlas is made for spherical renderers: rings that cross ±180° jump across the whole world,
 * which a flat map draws as bands. Shifting by 360° keeps each ring continuous (MapLibre wraps the
 * overhang), and a ring that still goes once around the globe (Antarctica) is closed over its pole.
 */
function planarRing(ring: Ring): Ring {
  let shift = 0;
  let previous: number | undefined;
  const out: Ring = ring.map(([lon = 0, lat = 0]) => {
    if (previous !== undefined && lon + shift - previous > 180) shift -= 360;
    if (previous !== undefined && lon + shift - previous < -180) shift += 360;
    previous = lon + shift;
    return [hundredths(previous), hundredths(lat)];
  });
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last || Math.abs((last[0] ?? 0) - (first[0] ?? 0)) < 180) return out;
  const pole = out.reduce((sum, [, lat = 0]) => sum + lat, 0) < 0 ? -90 : 90;
  return [...out, [last[0] ?? 0, pole], [first[0] ?? 0, pole], first];
}

/** Rings that only trace a pole have no area on a flat map (world-atlas has one under Antarctica). */
const atPole = (ring: Ring) => ring.every(([, lat = 0]) => Math.abs(lat) > 89.9);

function polygons(geometry: GeoJSON.Geometry): GeoJSON.Position[][][] {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

/** The world's land as one flat-map-ready MultiPolygon feature, from a world-atlas topology. */
export function worldLand(topology: Topology): GeoJSON.FeatureCollection<GeoJSON.MultiPolygon> {
  const land = topology.objects.land;
  if (!land) throw new Error("the topology has no `land` object");
  const converted = feature(topology, land);
  const features = "features" in converted ? converted.features : [converted];
  const coordinates = features
    .flatMap((f) => polygons(f.geometry))
    .map((polygon) => polygon.filter((ring) => !atPole(ring)).map(planarRing));
  return {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates } }],
  };
}
