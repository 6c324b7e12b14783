import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BriefData } from "@/lib/data/load";
import { loadBriefData } from "@/lib/data/load";
import { filterEvents } from "@/lib/events/filter";
import { eventsOfFeature } from "@/lib/events/membership";
import { baseWith } from "./data-fixture";

let data: BriefData;
let cleanup: () => void;
beforeAll(async () => {
  const base = baseWith();
  cleanup = base.cleanup;
  data = await loadBriefData(base.dir);
});
afterAll(() => cleanup());

const ids = (events: { id: string }[]) => events.map((e) => e.id);
const layer = (id: string) => data.layers.find((l) => l.manifest.id === id)!;

describe("filterEvents", () => {
  it("keeps an event known only to a month when the window overlaps that month", () => {
    expect(ids(filterEvents(data.events, { from: "2025-07-31", to: "2025-08-01" }))).toEqual(["entry"]);
    expect(ids(filterEvents(data.events, { from: "2025-08-01" }))).toEqual(["meeting"]);
    expect(ids(filterEvents(data.events, { to: "2025-06-30" }))).toEqual([]);
  });

  it("filters by type, by text ignoring case and accents, and by bbox", () => {
    expect(ids(filterEvents(data.events, { types: ["diplomacy"] }))).toEqual(["meeting"]);
    expect(ids(filterEvents(data.events, { q: "FÁR town" }))).toEqual(["meeting"]);
    expect(ids(filterEvents(data.events, { q: "entered the square" }))).toEqual(["entry"]);
    expect(ids(filterEvents(data.events, { bbox: [34, 31, 37, 34] }))).toEqual(["entry"]);
  });

  it("treats a bbox whose west edge is east of its east edge as crossing the antimeridian", () => {
    expect(ids(filterEvents(data.events, { bbox: [170, -90, 10, 90] }))).toEqual(["meeting"]);
  });

  it("filters by layer: events in it, about it, or inside its areas", () => {
    const zone = layer("zone");
    expect(ids(filterEvents(data.events, { layer: { id: "zone", features: zone.data.features } }))).toEqual(["entry", "meeting"]);
  });
});

describe("eventsOfFeature", () => {
  it("lists events that happened in a feature, are about it, or whose exact point lies inside it", () => {
    const square = layer("zone").data.features[0]!;
    const related = eventsOfFeature(data.events, "zone", square).map((r) => [r.event.id, r.relation]);
    expect(related).toEqual([["entry", "inside"], ["meeting", "about"]]);
  });

  it("does not count a town's event as about another town", () => {
    const far = layer("towns").data.features.find((f) => f.id === "far-town")!;
    expect(eventsOfFeature(data.events, "towns", far).map((r) => [r.event.id, r.relation])).toEqual([["meeting", "in"]]);
  });
});
