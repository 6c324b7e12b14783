import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import type { LoadedEvent } from "@/lib/model/event";
import { syntheticEvents } from "@/lib/data/synthetic";
import { featureCollectionJson } from "@/lib/events/serialize-features";
import { eventFeature } from "@/lib/events/to-feature";

let events: LoadedEvent[];
beforeAll(async () => {
  const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
  // Real events carry optional fields (notes, bounds) that synthetic ones lack.
  events = [...data.events, ...syntheticEvents(300, 2).events];
});

/** What the API answered before texts were cached: one JSON.stringify of the whole collection. */
const stringified = (list: LoadedEvent[], detail: "full" | "brief") => JSON.stringify({ type: "FeatureCollection", features: list.map((e) => eventFeature(e, detail)) });

describe("featureCollectionJson", () => {
  it("writes the same text as JSON.stringify of the collection, at both detail levels", () => {
    for (const detail of ["full", "brief"] as const) {
      expect(featureCollectionJson(events, detail)).toBe(stringified(events, detail));
      // Again, now from the cached texts.
      expect(featureCollectionJson(events, detail)).toBe(stringified(events, detail));
    }
  });

  it("keeps the two detail levels apart and any subset in its given order", () => {
    fc.assert(
      fc.property(fc.subarray(events.map((_, i) => i)), fc.boolean(), fc.constantFrom("full" as const, "brief" as const), (picked, reversed, detail) => {
        const list = (reversed ? [...picked].reverse() : picked).map((i) => events[i]!);
        expect(featureCollectionJson(list, detail)).toBe(stringified(list, detail));
      }),
      { numRuns: 100 },
    );
  });

  it("writes an empty collection as JSON.stringify does", () => {
    expect(featureCollectionJson([], "full")).toBe('{"type":"FeatureCollection","features":[]}');
  });
});
