import type { Feature } from "geojson";
import pointOnFeature from "@turf/point-on-feature";
import type { Place } from "@/lib/model/place";
import type { PlaceRef } from "@/lib/model/schema";


export type FeatureIndex = Map<string, Map<string, Feature>>;

/** Resolves a reference; undefined when it names a layer or feature that is not loaded. */
export function resolvePlace(ref: PlaceRef, features: FeatureIndex, labelProperty: (layer: string) => string): Place | undefined {
  if ("point" in ref) return { name: ref.name, point: ref.point, note: ref.note };
  const feature = features.get(ref.layer)?.get(ref.feature);
  if (!feature) return undefined;
  const props = feature.properties ?? {};
  const label = props[labelProperty(ref.layer)] ?? props.name;
  // pointOnFeature lands inside the polygon, unlike a centroid, which can fall outside (e.g. a crescent).
  const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  return {
    name: typeof label === "string" && label ? label : ref.feature,
    layer: ref.layer,
    feature: ref.feature,
    point: [round6(lon), round6(lat)],
    note: ref.note,
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
