import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filterEvents, type EventFilter } from "@/lib/events/filter";
import type { EventQuery } from "@/lib/model/event-query";
import { EVENT_TYPES, type BriefEvent } from "@/lib/model/schema";
import { openPostgresStore } from "@/lib/store/postgres";
import type { Store } from "@/lib/store/store";
import { postgresMissing, startPostgres, type PostgresCluster } from "../harness/postgres";
import { article, event, layer, point, square } from "./contract-fixtures";

/**
 * The SQL of the PostGIS backend against a plain scan: on generated events, every generated query
 * finds in the database exactly the events, in the same order, that `filterEvents` keeps. What the
 * SQL could get wrong in its own way is what is generated: LIKE's wildcards and escape character in
 * `q`, folded scripts and ligatures, box edges and boxes across the antimeridian, spans at the window's
 * edges, markers on area boundaries (ST_Covers), and the "C" ordering of ids.
 */
const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL equivalence test skipped: ${missing}`);

const zone = layer("zone", [square("west-box", [35, 32, 36, 33]), square("east-box", [179, -10, 180, 10])]);
const towns = layer("towns", [point("hamma", [35.7, 32.7], { name: "Al-Ḥamma" }), point("chateau", [2.35, 48.85], { name: "Château-Rouge" })], { order: 20 });
const features = { zone: zone.data.features, towns: towns.data.features };

const WORDS = ["Château", "Ḥamma", "السويداء", "ﬁnal", "ÆON", "100%", "a_b", "back\\slash", "it's", "Zürich", "Ὀδυσσεύς"];
const DAYS = ["2024-12-31", "2025-01-01", "2025-02-28", "2025-03-01", "2025-08-20"];
const EDGES = [35, 36, 32, 33, 179, 180, -180, -10, 10, 35.7, 32.7];

const coordinate = (min: number, max: number) => fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(...EDGES.filter((v) => v >= min && v <= max)));
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 3 }).map((w) => w.join(" ").trim() || "x");
const span = fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
const generatedEvent = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,3}(-[a-z0-9]{1,2})?$/),
  title: text,
  type: fc.constantFrom(...EVENT_TYPES),
  span,
  where: fc.oneof(
    fc.record({ name: text, point: fc.tuple(coordinate(-180, 180), coordinate(-90, 90)) }),
    fc.constantFrom({ layer: "towns", feature: "hamma" }, { layer: "towns", feature: "chateau" }, { layer: "zone", feature: "west-box" }),
  ),
  geoPrecision: fc.constantFrom("exact", "city", "region", "country"),
});
const query = fc.record(
  {
    bbox: fc.tuple(coordinate(-180, 180), coordinate(-90, 90), coordinate(-180, 180), coordinate(-90, 90)).map(([w, s, e, n]) => [w, Math.min(s, n), e, Math.max(s, n)] as [number, number, number, number]),
    from: fc.constantFrom(...DAYS),
    to: fc.constantFrom(...DAYS),
    types: fc.subarray([...EVENT_TYPES], { minLength: 1 }),
    q: fc.oneof(fc.constantFrom(...WORDS, "%", "_", "\\", "fi", "aeon", "HAMMA", "chateau-r", "السوي", "οδυσ"), fc.string({ minLength: 1, maxLength: 3 })),
    layer: fc.constantFrom("zone", "towns"),
  },
  { requiredKeys: [] },
);

describe.skipIf(missing !== undefined)("PostGIS SQL against a scan of every event", () => {
  let cluster: PostgresCluster;
  let store: Store;
  beforeAll(async () => {
    cluster = await startPostgres();
    store = await openPostgresStore(cluster.url);
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it("finds exactly what filterEvents finds, in the same order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(generatedEvent, { minLength: 1, maxLength: 30, selector: (g) => g.id }), fc.array(query, { minLength: 1, maxLength: 8 }), async (generated, queries) => {
        const a = article("gen", generated.map((_, i) => `Sentence ${i}.`));
        const events: BriefEvent[] = generated.map((g, i) =>
          event({
            id: g.id,
            article: "gen",
            sources: [a.quote(i)],
            title: g.title,
            type: g.type,
            time: { phrase: "generated", precision: g.span[0] === g.span[1] ? "day" : "range", start: g.span[0], end: g.span[1], bound: "exact" },
            where: g.where,
            geoPrecision: g.geoPrecision as BriefEvent["geoPrecision"],
          }),
        );
        await store.importData({ layers: [zone, towns], articles: [a.input], events }, { actor: "gen", mode: "replace" });
        const all = await store.events({}, { limit: 10_000 });
        const byCodePoint = [...all].sort((x, y) => cmp(x.time.start, y.time.start) || cmp(x.time.end, y.time.end) || cmp(x.id, y.id));
        expect(all.map((e) => e.id)).toEqual(byCodePoint.map((e) => e.id));
        for (const q of queries) {
          const filter: EventFilter = { ...q, types: q.types ? [...q.types] : undefined, layer: q.layer ? { id: q.layer, features: features[q.layer] } : undefined };
          const expected = filterEvents(all, filter).map((e) => e.id);
          const found = (await store.events(q as EventQuery, { limit: 10_000 })).map((e) => e.id);
          expect(found, JSON.stringify(q)).toEqual(expected);
          expect((await store.aggregate(q as EventQuery)).count).toBe(expected.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
