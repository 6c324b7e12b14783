import fc from "fast-check";
import { expect, it } from "vitest";
import { filterEvents, type EventFilter } from "@/lib/events/filter";
import type { EventQuery } from "@/lib/model/event-query";
import { byTime } from "@/lib/model/event-order";
import { EVENT_TYPES, type BriefEvent } from "@/lib/model/schema";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { article, event, layer, point, square } from "./contract-fixtures";

/**
 * The indexed store against a plain scan: on generated events, every generated query finds in the
 * store exactly the events, in the same order, that `filterEvents` keeps from the whole list.
 * Features here carry only a `name`, so the store's alternate names add nothing the scan lacks.
 */

const zone = layer("zone", [square("west-box", [35, 32, 36, 33]), square("east-box", [179, -10, 180, 10]), square("sliver", [-20, 0, -19.999, 5])]);
const towns = layer("towns", [point("hamma", [35.7, 32.7], { name: "Al-Ḥamma" }), point("chateau", [2.35, 48.85], { name: "Château-Rouge" })], { order: 20 });
const features = { zone: zone.data.features, towns: towns.data.features };

const WORDS = ["Château", "Ḥamma", "السويداء", "golan heights", "buffer zone", "strike", "talks", "Zürich", "ÆON", "ﬁnal", "a\"b", "x'y", "% _", "مُدن"];
const DAYS = ["2024-12-31", "2025-01-01", "2025-02-15", "2025-02-28", "2025-03-01", "2025-07-31", "2025-08-20"];

const lon = fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(-180, 180, 179.5, -179.5, 35, 36, 35.5, 179, -20, -19.9995, 2.35));
const lat = fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-90, 90, 0, 32, 33, 32.5, -10, 10, 48.85));
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 4 }).map((w) => w.join(" ").trim() || "x");
const span = fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
const where = fc.oneof(
  fc.record({ name: text, point: fc.tuple(lon, lat) }),
  fc.constantFrom({ layer: "towns", feature: "hamma" }, { layer: "towns", feature: "chateau" }, { layer: "zone", feature: "west-box" }, { layer: "zone", feature: "east-box" }),
);
const generatedEvent = fc.record({
  title: text,
  type: fc.constantFrom(...EVENT_TYPES),
  span,
  where,
  about: fc.array(fc.constantFrom({ layer: "towns", feature: "hamma" }, { layer: "zone", feature: "sliver" }), { maxLength: 2 }),
  geoPrecision: fc.constantFrom("exact", "city", "region", "country"),
});

const bbox = fc.tuple(lon, lat, lon, lat).map(([w, s, e, n]) => [w, Math.min(s, n), e, Math.max(s, n)] as [number, number, number, number]);
const query = fc.record(
  {
    bbox,
    from: fc.constantFrom(...DAYS),
    to: fc.constantFrom(...DAYS),
    types: fc.subarray([...EVENT_TYPES], { minLength: 1 }),
    q: fc.oneof(fc.constantFrom(...WORDS, "HAMMA", "chateau", "heights", "zone", "السوي", "a"), fc.string({ minLength: 1, maxLength: 4 })),
    layer: fc.constantFrom("zone", "towns"),
  },
  { requiredKeys: [] },
);

it("finds with its indexes exactly what a scan of every event finds", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(generatedEvent, { minLength: 1, maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 12 }), async (generated, queries) => {
      // In memory: the same SQL and indexes as a file, without a file's fsyncs on every run and shrink.
      const store = openSqliteStore(":memory:");
      try {
        const a = article("gen", generated.map((_, i) => `Sentence ${i}.`));
        const events: BriefEvent[] = generated.map((g, i) =>
          event({
            id: `gen-${i}`,
            article: "gen",
            sources: [a.quote(i)],
            title: g.title,
            type: g.type,
            time: { phrase: "generated", precision: g.span[0] === g.span[1] ? "day" : "range", start: g.span[0], end: g.span[1], bound: "exact" },
            where: g.where,
            about: g.about,
            geoPrecision: g.geoPrecision as BriefEvent["geoPrecision"],
          }),
        );
        await store.importData({ layers: [zone, towns], articles: [a.input], events }, { actor: "gen", mode: "replace" });
        const all = await store.events({}, { limit: 10_000 });
        expect(all.map((e) => e.id)).toEqual([...all].sort(byTime).map((e) => e.id));
        for (const q of queries) {
          const filter: EventFilter = { ...q, types: q.types ? [...q.types] : undefined, layer: q.layer ? { id: q.layer, features: features[q.layer] } : undefined };
          const expected = filterEvents(all, filter).map((e) => e.id);
          const found = (await store.events(q as EventQuery, { limit: 10_000 })).map((e) => e.id);
          expect(found, JSON.stringify(q)).toEqual(expected);
          expect((await store.aggregate(q as EventQuery)).count).toBe(expected.length);
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: 150 },
  );
});
