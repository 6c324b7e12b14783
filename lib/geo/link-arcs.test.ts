import { describe, expect, it } from "vitest";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { Place } from "@/lib/model/place";
import { arc, linkArcs, unwrapLongitudes } from "./link-arcs";

// Fixtures: the places of the "paris-talks" event as the data resolves them.
const PARIS: Place = { name: "Paris", layer: "paris", feature: "paris", point: [2.342, 48.857] };
const BUFFER_ZONE: Place = { name: "UNDOF Area of Separation", layer: "golan-buffer-zone", feature: "area-of-separation", point: [35.85, 33.05] };
const SYRIA: Place = { name: "Syria", layer: "levant-countries", feature: "syria", point: [38.5, 35.0] };

type ArcEvent = Pick<EventHeadline, "id" | "place" | "aboutPlaces">;
const event = (place: Place, aboutPlaces: Place[]): ArcEvent => ({ id: "e", place, aboutPlaces });

const allFinite = (positions: GeoJSON.Position[]) => positions.every((p) => p.length === 2 && p.every(Number.isFinite));

describe("linkArcs", () => {
  it("draws one great-circle arc from where the event happened to each place it is about", () => {
    const arcs = linkArcs(event(PARIS, [BUFFER_ZONE, SYRIA]));
    expect(arcs.features.map((f) => f.properties)).toEqual([
      { event: "e", from: "Paris", to: "UNDOF Area of Separation" },
      { event: "e", from: "Paris", to: "Syria" },
    ]);
    const line = arcs.features[0]!.geometry.coordinates;
    expect(line.length).toBe(64);
    expect(line[0]).toEqual([2.342, 48.857]);
    expect(line[0]).toEqual(PARIS.point);
    expect(line.at(-1)![0]).toBeCloseTo(35.85, 6);
    expect(line.at(-1)![1]).toBeCloseTo(33.05, 6);
    expect(allFinite(line)).toBe(true);
  });

  it("bends north of the straight line, as a great circle in the northern hemisphere does (no antimeridian)", () => {
    const line = linkArcs(event(PARIS, [BUFFER_ZONE])).features[0]!.geometry.coordinates;
    const middle = line[32]!;
    // The straight (plate carrée) line's latitude at the arc's middle longitude.
    const t = (middle[0]! - 2.342) / (35.85 - 2.342);
    expect(middle[1]!).toBeGreaterThan(48.857 + t * (33.05 - 48.857));
    // Longitudes grow monotonically eastwards: nothing wraps.
    expect(line.every((p, i) => i === 0 || p[0]! > line[i - 1]![0]!)).toBe(true);
  });

  it("draws nothing, and no NaN, for a place at the event's own point", () => {
    expect(linkArcs(event(SYRIA, [SYRIA])).features).toEqual([]);
    expect(linkArcs(event(SYRIA, [{ ...SYRIA, point: [38.5000001, 35.0] }])).features).toEqual([]);
  });

  it("draws nothing for an event about no place", () => {
    expect(linkArcs(event(PARIS, []))).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("does not mutate the event", () => {
    const input = event(PARIS, [BUFFER_ZONE]);
    const copy = structuredClone(input);
    linkArcs(input);
    expect(input).toEqual(copy);
  });
});

describe("arc", () => {
  it("keeps a line across the antimeridian continuous (Tokyo → San Francisco)", () => {
    const line = arc([139.69, 35.69], [-122.42, 37.77])!;
    expect(allFinite(line)).toBe(true);
    expect(line.every((p, i) => i === 0 || Math.abs(p[0]! - line[i - 1]![0]!) < 10)).toBe(true);
    expect(line.at(-1)![0]).toBeCloseTo(-122.42 + 360, 4);
  });

  it("is null for non-finite input", () => {
    expect(arc([NaN, 0], [1, 1])).toBeNull();
  });
});

describe("unwrapLongitudes", () => {
  it("shifts by 360° to stay within 180° of the previous point and drops the split's repeat", () => {
    expect(unwrapLongitudes([[170, 0], [180, 1], [-180, 1], [-170, 2]])).toEqual([[170, 0], [180, 1], [190, 2]]);
  });
});
