import type { Feature, FeatureCollection } from "geojson";
import pointOnFeature from "@turf/point-on-feature";
import { featureNames } from "@/lib/store/search-text";
import { foldName } from "./fold";

/** A layer feature as a place an article can name, with every name it goes by (folded). */
export type LayerPlace = {
  layer: string;
  feature: string;
  name: string;
  names: string[];
  point: [number, number];
  isArea: boolean;
  geonameId?: number;
};

/** The part of a stored layer the pipeline reads: its id, label property, aliases and features. */
export type LayerSource = {
  id: string;
  labelProperty?: string;
  aliases?: Record<string, string[]>;
  data: FeatureCollection;
};

/** The layers' features as places, in the order the layers come (the caller's draw order). */
export function layerPlaces(layers: readonly LayerSource[]): LayerPlace[] {
  const out: LayerPlace[] = [];
  for (const layer of layers) {
    const label = layer.labelProperty ?? "name";
    for (const feature of layer.data.features) {
      const id = typeof feature.id === "string" ? feature.id : feature.id !== undefined ? String(feature.id) : undefined;
      if (!id || !feature.geometry) continue;
      const names = [...new Set(featureNames(feature, label, layer.aliases?.[id] ?? []).map(foldName))].filter((n) => n.length >= 2);
      const props = feature.properties ?? {};
      const labelValue = props[label] ?? props.name;
      const geonameId = Number(props.geonameid);
      out.push({
        layer: layer.id,
        feature: id,
        name: typeof labelValue === "string" && labelValue ? labelValue : id,
        names,
        point: pointOf(feature),
        isArea: /Polygon/.test(feature.geometry.type),
        geonameId: Number.isFinite(geonameId) && geonameId > 0 ? geonameId : undefined,
      });
    }
  }
  return out;
}

function pointOf(feature: Feature): [number, number] {
  const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}
