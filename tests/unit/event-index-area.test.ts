import { join } from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import fc from "fast-check";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import { areaBounds, areaTester } from "@/lib/events/index-area";

type Area = Feature<Polygon | MultiPolygon>;

let areas: Area[];
beforeAll(async () => {
  const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
  areas = data.layers.flatMap((l) => l.data.features).filter((f): f is Area => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon");
});

const positions = (area: Area): Position[] => (area.geometry.type === "Polygon" ? area.geometry.coordinates : area.geometry.coordinates.flat()).flat();

/** The tester must say what booleanPointInPolygon says for every point; it only answers faster. */
function expectSameAnswers(area: Area, points: Position[]) {
  const inside = areaTester(area);
  const wrong = points.filter(([x = 0, y = 0]) => inside(x, y) !== booleanPointInPolygon([x, y], area));
  expect(wrong).toEqual([]);
}

describe("areaTester", () => {
  it("answers like booleanPointInPolygon for points spread over each shipped area's box", () => {
    expect(areas.length).toBeGreaterThan(5);
    for (const area of areas) {
      const [minX, minY, maxX, maxY] = areaBounds(area)!;
      const points = fc.sample(fc.tuple(fc.double({ min: minX - 0.1, max: maxX + 0.1, noNaN: true }), fc.double({ min: minY - 0.1, max: maxY + 0.1, noNaN: true })), { numRuns: 1000, seed: 7 });
      expectSameAnswers(area, points);
    }
  }, 30_000);

  it("counts the outline as inside, as booleanPointInPolygon does: vertices, edge midpoints and points just off them", () => {
    for (const area of areas) {
      const all = positions(area);
      // Some hundred of them per area: the exact test on a country's outline is slow.
      const vertices = all.filter((_, i) => i % Math.ceil(all.length / 150) === 0);
      const near = vertices.flatMap(([x = 0, y = 0]) => [[x + 1e-9, y], [x, y - 1e-9], [x + 1e-4, y + 1e-4]]);
      const ring = area.geometry.type === "Polygon" ? area.geometry.coordinates[0]! : area.geometry.coordinates[0]![0]!;
      const midpoints = ring.slice(1, 150).map(([x = 0, y = 0], i) => [(x + ring[i]![0]!) / 2, (y + ring[i]![1]!) / 2]);
      expectSameAnswers(area, [...vertices, ...near, ...midpoints]);
    }
  }, 30_000);

  it("keeps holes and separate parts apart", () => {
    const square = (x: number, y: number, size: number): Position[] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    const hole = [...square(2, 2, 2)].reverse();
    const area: Area = { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: [[square(0, 0, 6), hole], [square(10, 10, 1)]] } };
    const inside = areaTester(area);
    expect([inside(1, 1), inside(3, 3), inside(2, 3), inside(10.5, 10.5), inside(8, 8), inside(6, 6)]).toEqual([true, false, true, true, false, true]);
    expectSameAnswers(area, fc.sample(fc.tuple(fc.double({ min: -1, max: 12, noNaN: true }), fc.double({ min: -1, max: 12, noNaN: true })), { numRuns: 5000, seed: 3 }));
  });

  it("falls back to the exact test for an area too thin to cut into cells", () => {
    const flat: Area = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] } };
    expectSameAnswers(flat, [[0.5, 0], [0.5, 0.1], [3, 0]]);
  });
});
