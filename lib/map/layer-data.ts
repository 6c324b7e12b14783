import bbox from "@turf/bbox";
import type { Feature, FeatureCollection } from "geojson";
import type { BBox } from "@/lib/model/layer-summary";
import { FEATURE_ID, overlayDataUrl } from "./overlay-layers";

/** Each layer's features, fetched once per page: drawn by the map and used for bboxes/highlights. */
const layers = new Map<string, Promise<FeatureCollection>>();
const boxes = new Map<string, BBox>();
const loaded = new Map<string, Map<string, Feature>>();

async function fetchLayer(id: string): Promise<FeatureCollection> {
  const response = await fetch(overlayDataUrl(id));
  if (!response.ok) throw new Error(`layer "${id}": HTTP ${response.status}`);
  const collection = (await response.json()) as FeatureCollection;
  const features = collection.features.map((f) => ({ ...f, properties: { ...f.properties, [FEATURE_ID]: String(f.id) } }));
  loaded.set(id, new Map(features.map((f) => [String(f.id), f])));
  return { ...collection, features };
}

/** The layer's features with ids promoted to a property; a failed fetch is retried on next call. */
export function loadLayer(id: string): Promise<FeatureCollection> {
  let pending = layers.get(id);
  if (!pending) {
    pending = fetchLayer(id);
    pending.catch(() => layers.delete(id));
    layers.set(id, pending);
  }
  return pending;
}

/** A feature of an already loaded layer, or undefined. */
export function loadedFeature(layer: string, id: string): Feature | undefined {
  return loaded.get(layer)?.get(id);
}

/** The bbox of a feature of an already loaded layer, computed once. */
export function featureBBox(layer: string, id: string): BBox | undefined {
  const key = `${layer}/${id}`;
  const known = boxes.get(key);
  if (known) return known;
  const feature = loadedFeature(layer, id);
  if (!feature) return undefined;
  const box = bbox(feature) as BBox;
  boxes.set(key, box);
  return box;
}

/** Loads the given layers, waiting at most `timeoutMs`; never rejects (callers fall back to points). */
export async function loadLayers(ids: Iterable<string>, timeoutMs: number): Promise<void> {
  const all = Promise.allSettled([...new Set(ids)].map(loadLayer));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
