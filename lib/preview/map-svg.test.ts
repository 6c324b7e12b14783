import { describe, expect, it } from "vitest";
import type { Feature, FeatureCollection } from "geojson";
import type { LoadedLayer } from "@/lib/data/read-layer";
import { mapSvg } from "./map-svg";
import { frameOfBounds } from "./mercator";
import { MAX_PREVIEW_VERTICES } from "./vertex-budget";

/** `count` circles of `vertices` points each, in a grid over the Levant. */
function circles(count: number, vertices: number): FeatureCollection {
  const side = Math.ceil(Math.sqrt(count));
  const features: Feature[] = [];
  for (let i = 0; i < count; i++) {
    const [cx, cy] = [34 + (4 * (i % side)) / side, 31 + (4 * Math.floor(i / side)) / side];
    const ring = Array.from({ length: vertices }, (_, k) => [cx + 0.04 * Math.cos((2 * Math.PI * k) / vertices), cy + 0.04 * Math.sin((2 * Math.PI * k) / vertices)]);
    ring.push(ring[0]!);
    features.push({ type: "Feature", id: `c${i}`, properties: {}, geometry: { type: "Polygon", coordinates: [ring] } });
  }
  return { type: "FeatureCollection", features };
}

function layer(id: string, color: string, data: FeatureCollection): LoadedLayer {
  const manifest = { id, title: id, description: id, file: `${id}.geojson`, role: "overlay", defaultVisible: true, order: 1, labelProperty: "name", style: { color, dashed: false, fillOpacity: 0.25 }, provenance: { source: "test", licence: "CC0", attribution: "test", date: "2025", accuracy: "test", approximate: false } } as const;
  return { manifest, summary: {} as LoadedLayer["summary"], data };
}

const frame = frameOfBounds([33.5, 30.5, 38.5, 35.5], 1200, 630, 20, 12);

describe("a preview's map picture", () => {
  it("leaves out a layer too heavy to draw (a 40,000-feature, 2.6-million-vertex layer), keeps the light ones, and stays small", () => {
    const heavy = layer("heavy", "#aa0000", circles(40_000, 64));
    const light = layer("light", "#00aa00", circles(20, 16));
    const svg = mapSvg(frame, [], [heavy, light], [], null);
    expect(svg).not.toContain("#aa0000");
    expect(svg.match(/fill="#00aa00"/g)).toHaveLength(20);
    const vertices = svg.match(/[ML]-?\d/g)?.length ?? 0;
    expect(vertices).toBeLessThanOrEqual(MAX_PREVIEW_VERTICES);
    expect(svg.length).toBeLessThan(2_000_000);
  });

  it("draws a layer within the budget whole", () => {
    const svg = mapSvg(frame, [], [layer("many", "#0000aa", circles(2_000, 16))], [], null);
    expect(svg.match(/fill="#0000aa"/g)).toHaveLength(2_000);
  });
});
