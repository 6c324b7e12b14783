import { join } from "node:path";
import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { byTime } from "@/lib/model/event-order";
import { EVENT_TYPES } from "@/lib/model/event-types";
import { loadBriefData } from "@/lib/data/load";
import type { LoadedEvent } from "@/lib/model/event";
import { syntheticEvents } from "@/lib/data/synthetic";
import { filterEvents, type EventFilter } from "@/lib/events/filter";
import { findEvents } from "@/lib/events/index-events";

let events: LoadedEvent[];
let layers: { id: string; features: Feature[] }[];
/** Each layer's events as the plain filter finds them, worked out once: for a country's outline that is slow. */
const plainMembers = new Map<string, Set<LoadedEvent>>();

beforeAll(async () => {
  const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
  const synthetic = syntheticEvents(2000, 1).events;
  layers = data.layers.map((l) => ({ id: l.manifest.id, features: l.data.features }));
  // As the server holds them (sorted by time), then a few unusual events out of order at the end.
  events = [...[...data.events, ...synthetic].sort(byTime), ...unusual(synthetic, layers)];
  for (const layer of layers) plainMembers.set(layer.id, new Set(filterEvents(events, { layer })));
}, 60_000);

/**
 * Events the synthetic set lacks: spans of a year and more, one across new year, a day the time
 * keys cannot read, markers on the antimeridian and outside the usual range, one on an area's
 * outline (exact, and region-level, which does not count as inside), and an id given twice.
 */
function unusual(base: LoadedEvent[], areas: { id: string; features: Feature[] }[]): LoadedEvent[] {
  const like = (i: number, id: string, change: Partial<LoadedEvent>): LoadedEvent => ({ ...base[i]!, id, ...change });
  const time = (start: string, end: string) => ({ phrase: `${start} to ${end}`, precision: "range" as const, start, end, bound: "exact" as const });
  const at = (point: [number, number]) => ({ name: "Unusual place", point });
  const suwayda = areas.find((l) => l.id === "as-suwayda")!.features[0]!;
  if (suwayda.geometry?.type !== "Polygon") throw new Error("as-suwayda is expected to be one polygon");
  const vertex = suwayda.geometry.coordinates[0]![3] as [number, number];
  return [
    like(0, "span-two-years", { time: time("2023-03-01", "2025-02-28") }),
    like(1, "span-one-year", { time: time("2024-01-01", "2024-12-31") }),
    like(2, "span-new-year", { time: time("2024-12-30", "2025-01-02") }),
    like(3, "odd-day", { time: time("2024-6-1", "2024-7-1") }),
    like(4, "on-antimeridian-east", { place: at([180, 10]) }),
    like(5, "on-antimeridian-west", { place: at([-180, -10]) }),
    like(6, "out-of-range", { place: at([200, 95]) }),
    like(7, "on-outline", { place: at(vertex), geoPrecision: "exact" }),
    like(8, "region-inside", { place: at([36.6, 32.7]), geoPrecision: "region" }),
    like(9, "twice", {}),
    like(10, "twice", { place: at([35.9, 33.0]) }),
  ];
}

/** The plain filter's answer; a layer is applied from the membership worked out above. */
function plain(filter: EventFilter): LoadedEvent[] {
  const found = filterEvents(events, { ...filter, layer: undefined });
  return filter.layer ? found.filter((e) => plainMembers.get(filter.layer!.id)!.has(e)) : found;
}

const ids = (list: LoadedEvent[]) => list.map((e) => e.id);

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const bbox = fc.oneof(
  // Anywhere, including boxes whose west edge is east of their east edge (across the antimeridian).
  { arbitrary: fc.tuple(lon, lat, lon, lat).map(([w, s, e, n]): [number, number, number, number] => [w, Math.min(s, n), e, Math.max(s, n)]), weight: 1 },
  // Boxes where the events are, so that some hold many, some a few and some none.
  {
    arbitrary: fc
      .tuple(fc.double({ min: 33, max: 43, noNaN: true }), fc.double({ min: 29, max: 38, noNaN: true }), fc.double({ min: 0, max: 4, noNaN: true }))
      .map(([w, s, size]): [number, number, number, number] => [w, s, w + size, s + size]),
    weight: 3,
  },
  { arbitrary: fc.constantFrom<[number, number, number, number]>([35.5, 32.5, 36.5, 33.5], [170, -90, 10, 90], [180, -90, -180, 90], [-180, -90, 180, 90], [2.2, 48.8, 2.5, 48.9], [0, 0, 1, 1]), weight: 1 },
);
const day = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
/** Mostly ordered windows, as the API lets through; sometimes open at one end, now and then inverted. */
const window = fc.oneof(
  { arbitrary: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })), weight: 6 },
  { arbitrary: day.map((from) => ({ from })), weight: 1 },
  { arbitrary: day.map((to) => ({ to })), weight: 1 },
  { arbitrary: fc.tuple(day, day).map(([from, to]) => ({ from, to })), weight: 1 },
);
const q = fc.oneof(
  fc.constantFrom("synthetic", "synthetic event 1", "Synthetic place 7", "suwayda", "SUWAYDA", "paris", "syria", "strike", "CHÂTEAU", "actor\ngenerated", "\u0000", "nothing like it"),
  fc.string({ maxLength: 3 }),
);
const layer = fc.integer({ min: 0, max: 20 }).map((i) => layers[i % layers.length]!);
const id = fc.constantFrom("synthetic-42", "twice", "span-one-year", "no-such-event");

/** An arbitrary present with the given chance, else left out. */
const sometimes = <T,>(arbitrary: fc.Arbitrary<T>, chance: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: Math.round(100 * (1 - chance)) }, { arbitrary, weight: Math.round(100 * chance) });

/** Each filter on its own is often given, but seldom all at once: most answers are not empty. */
const filters = fc
  .record({ bbox: sometimes(bbox, 0.5), window: sometimes(window, 0.5), types: sometimes(fc.subarray([...EVENT_TYPES], { minLength: 1 }), 0.3), q: sometimes(q, 0.25), id: sometimes(id, 0.05), layer: sometimes(layer, 0.25) })
  .map(({ window, ...rest }): EventFilter => Object.fromEntries(Object.entries({ ...rest, ...window }).filter(([, v]) => v !== undefined)));

describe("findEvents", () => {
  it("finds what filterEvents finds, in the same order, for any combination of filters", () => {
    fc.assert(
      fc.property(filters, (filter) => {
        expect(ids(findEvents(events, filter))).toEqual(ids(plain(filter)));
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it("finds each layer's events exactly as filterEvents does", () => {
    for (const layer of layers) expect(ids(findEvents(events, { layer }))).toEqual(ids(filterEvents(events, { layer })));
  }, 60_000);

  it("answers the cases that are easy to get wrong", () => {
    const same = (filter: EventFilter) => expect(ids(findEvents(events, filter))).toEqual(ids(plain(filter)));
    // Across the antimeridian, and the events lying on it.
    same({ bbox: [170, -90, 10, 90] });
    expect(ids(findEvents(events, { bbox: [179, -90, -179, 90] }))).toEqual(["on-antimeridian-east", "on-antimeridian-west"]);
    // Long spans overlap a window that holds neither of their ends.
    expect(ids(findEvents(events, { from: "2023-06-01", to: "2023-06-30" }))).toContain("span-two-years");
    expect(ids(findEvents(events, { from: "2024-12-31", to: "2024-12-31" }))).toEqual(expect.arrayContaining(["span-one-year", "span-new-year"]));
    // A window that ends before it starts (the API refuses it): only a span around it matches.
    same({ from: "2024-08-01", to: "2024-07-01" });
    expect(ids(findEvents(events, { from: "2024-08-01", to: "2024-07-01" }))).toEqual(["span-two-years", "span-one-year"]);
    // A box with nothing in it.
    expect(findEvents(events, { bbox: [0, 0, 1, 1] })).toEqual([]);
    // An outline point counts as inside; a region-level marker inside does not.
    const suwayda = layers.find((l) => l.id === "as-suwayda")!;
    expect(booleanPointInPolygon([36.6, 32.7], suwayda.features[0] as Feature<Polygon>)).toBe(true);
    expect(ids(findEvents(events, { layer: suwayda }))).toContain("on-outline");
    expect(ids(findEvents(events, { layer: suwayda }))).not.toContain("region-inside");
    same({ id: "twice" });
    same({ q: "\u0000" });
    same({});
  });
});
