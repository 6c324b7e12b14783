import type { Feature } from "geojson";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { LayerInput } from "../store";
import { featureNames } from "../search-text";
import type { Queryable } from "./connection";
import { featureKey, type FeatureLookup } from "./event-records";

/** A layer as `parseLayer` checked it: manifest, features and the summary computed from them. */
export type CheckedLayer = LayerInput & { summary: LayerSummary };

/** Writes a layer row and its features (the caller has removed any previous ones). */
export async function insertLayer(db: Queryable, layer: CheckedLayer, version: number): Promise<void> {
  const { data, summary, ...manifest } = layer;
  await db.query("INSERT INTO layers (id, draw_order, manifest, summary, version) VALUES ($1, $2, $3, $4, $5)", [
    manifest.id,
    manifest.order,
    JSON.stringify(manifest),
    JSON.stringify(summary),
    version,
  ]);
  const features = data.features.map((feature, position) => ({
    id: String(feature.id),
    position,
    feature,
    is_area: isArea(feature),
    names: featureNamesOf(layer, feature).join("\n"),
  }));
  // In slices, so that a country layer of many large polygons does not make one huge parameter.
  for (let i = 0; i < features.length; i += 500) {
    await db.query(
      `INSERT INTO features (layer, id, position, feature, geom, is_area, names)
       SELECT $1, r.id, r.position, r.feature, ST_SetSRID(ST_GeomFromGeoJSON((r.feature->'geometry')::text), 4326), r.is_area, r.names
         FROM json_to_recordset($2::json) AS r(id text, position integer, feature json, is_area boolean, names text)`,
      [manifest.id, JSON.stringify(features.slice(i, i + 500))],
    );
  }
}

/** The layer's features as event checks look them up, without asking the database. */
export function layerLookup(layer: CheckedLayer, into: FeatureLookup = new Map()): FeatureLookup {
  for (const feature of layer.data.features) {
    into.set(featureKey(layer.id, String(feature.id)), { feature, labelProperty: layer.labelProperty, names: featureNamesOf(layer, feature) });
  }
  return into;
}

function featureNamesOf(layer: CheckedLayer, feature: Feature): string[] {
  return featureNames(feature, layer.labelProperty, layer.aliases?.[String(feature.id)] ?? []);
}

const isArea = (f: Feature) => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon";
