import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";

export type DecodedFeature = { x: number; y: number; properties: Record<string, string | number | boolean> };

/** A Mapbox Vector Tile's point features per layer, as a client library reads them. */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]);
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: DecodedFeature[] = [];
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      const point = feature.loadGeometry()[0]?.[0];
      features.push({ x: point?.x ?? NaN, y: point?.y ?? NaN, properties: feature.properties as DecodedFeature["properties"] });
    }
    layers[name] = features;
  }
  return layers;
}

/** How many events a decoded tile stands for, per layer and in all. */
export function tileCount(layers: Record<string, DecodedFeature[]>): { events: number; areas: number; total: number } {
  const sum = (features: DecodedFeature[] = []) => features.reduce((n, f) => n + Number(f.properties.count), 0);
  const events = sum(layers.events);
  const areas = sum(layers.areas);
  return { events, areas, total: events + areas };
}
