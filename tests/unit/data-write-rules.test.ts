import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { parseLayer } from "@/lib/store/validate";

/** A layer as the write API takes it, with one feature whose geometry or members the test sets. */
function layerBody(feature: Record<string, unknown>) {
  return {
    id: "zone",
    title: "Zone",
    description: "A square area.",
    role: "overlay",
    defaultVisible: true,
    order: 1,
    labelProperty: "name",
    style: { color: "#ff0000", dashed: false, fillOpacity: 0.25 },
    provenance: { source: "Test", licence: "CC0", attribution: "Test", date: "2025-01-01", accuracy: "Exact", approximate: false },
    data: { type: "FeatureCollection", features: [{ type: "Feature", id: "square", properties: { name: "Square" }, geometry: { type: "Polygon", coordinates: [[[35, 32], [36, 32], [36, 33], [35, 33], [35, 32]]] }, ...feature }] },
  };
}

describe("the write path's layer rules (lib/store/validate.ts) are the files' rules", () => {
  it("a ring wound clockwise is rewound and the layer accepted, as from a file", () => {
    const clockwise = { type: "Polygon", coordinates: [[[35, 32], [35, 33], [36, 33], [36, 32], [35, 32]]] };
    const parsed = parseLayer(layerBody({ geometry: clockwise }));
    expect(parsed.problems).toEqual([]);
    expect((parsed.value!.data.features[0]!.geometry as Polygon).coordinates[0]).toEqual([[35, 32], [36, 32], [36, 33], [35, 33], [35, 32]]);
  });

  it("a wrong bbox is ignored and removed; the summary's bbox comes from the coordinates", () => {
    const parsed = parseLayer(layerBody({ bbox: [0, 0, 1, 1] }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.value!.summary.bbox).toEqual([35, 32, 36, 33]);
    expect(JSON.stringify(parsed.value!.data)).not.toContain("bbox");
  });

  it.each([
    [{ coordinates: [[0, 0]] }, "foreign-member", /"coordinates" member/],
    [{ bbox: "35,32,36,33" }, "invalid-bbox", /RFC 7946 wants an array of 4/],
    [{ properties: ["Square"] }, "schema", /properties is an array/],
  ] as const)("%j is refused as %s", (feature, rule, says) => {
    const parsed = parseLayer(layerBody(feature));
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([expect.objectContaining({ rule, message: expect.stringMatching(says) })]);
  });
});
