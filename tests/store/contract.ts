import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoadedEvent } from "@/lib/model/event";
import { StoreError, type EventBatch, type Store } from "@/lib/store/store";
import { decodeTile, tileCount } from "../harness/decode-tile";
import { article, baseWorld, event, layer, point, square } from "./contract-fixtures";

const who = { actor: "tester" };

/** The code a store call fails with (or "none"). */
async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "none";
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
}

async function problemsOf(call: Promise<unknown>): Promise<StoreError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const ids = (events: LoadedEvent[]) => events.map((e) => e.id);

/**
 * The store's contract: what every backend must do, seen only through the Store interface.
 * `open` must give a new, empty store each time. Each test builds its own data.
 */
export function defineStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract (${name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const seeded = async () => {
      const world = baseWorld();
      await store.importData(world.data, { actor: "seed", mode: "replace" });
      return world;
    };

    describe("reads", () => {
      it("starts empty and says so", async () => {
        expect(await store.isEmpty()).toBe(true);
        expect((await store.layers()).layers).toEqual([]);
        expect(await store.events({})).toEqual([]);
      });

      it("lists layers in draw order with summaries, and keeps unavailable layers' problems", async () => {
        const world = baseWorld();
        await store.importData({ ...world.data, unavailable: [{ id: "broken", title: "Broken", file: "geo/broken.geojson", problems: ["features[0]: ring not closed"] }] }, { actor: "seed", mode: "replace" });
        expect(await store.isEmpty()).toBe(false);
        const { layers, unavailable } = await store.layers();
        expect(layers.map((l) => l.id)).toEqual(["zone", "towns"]);
        expect(layers[0]).toMatchObject({ featureCount: 1, bbox: [35, 32, 36, 33], geometryType: "Polygon", source: world.zone.provenance.source, licence: "CC0" });
        expect(unavailable).toEqual([{ id: "broken", title: "Broken", file: "geo/broken.geojson", problems: ["features[0]: ring not closed"] }]);
      });

      it("gives a layer with its features, and one feature", async () => {
        await seeded();
        const towns = await store.layer("towns");
        expect(towns?.data.features.map((f) => f.id)).toEqual(["hamma", "far"]);
        expect(towns?.manifest.id).toBe("towns");
        expect((await store.feature("towns", "far"))?.properties).toMatchObject({ name: "Faraway" });
        expect(await store.layer("nope")).toBeUndefined();
        expect(await store.feature("towns", "nope")).toBeUndefined();
      });

      it("lists articles newest first with event counts, narrows them by title, and gives text and spans", async () => {
        const world = await seeded();
        const other = article("b2", ["An older report."], { title: "Older wire report", published: "2024-01-02", publisher: null });
        await store.createArticle(other.input, who);
        const list = await store.articles();
        expect(list.map((a) => [a.id, a.eventCount])).toEqual([["a1", 5], ["b2", 0]]);
        expect((await store.articles({ q: "older" })).map((a) => a.id)).toEqual(["b2"]);
        const a1 = await store.article("a1");
        expect(a1?.value.text).toBe(world.article.input.text);
        expect(a1?.version).toBe(1);
        const spans = await store.articleSpans("a1");
        expect(spans.map((s) => s.event)).toEqual(["meeting", "strike", "protest", "statement", "talks"]);
        for (const s of spans) expect(world.article.input.text.slice(s.start, s.end)).toBe(s.quote);
        expect(await store.article("nope")).toBeUndefined();
      });

      it("resolves an event's places to names and points", async () => {
        await seeded();
        const meeting = await store.event("meeting");
        expect(meeting?.version).toBe(1);
        expect(meeting?.value.place).toMatchObject({ name: "Al-Ḥamma", layer: "towns", feature: "hamma", point: [35.7, 32.7] });
        const statement = await store.event("statement");
        expect(statement?.value.aboutPlaces.map((p) => p.name)).toEqual(["Zone Square"]);
        expect(await store.event("nope")).toBeUndefined();
      });

      it("lists events in time order and pages through them by keyset", async () => {
        const sentences = Array.from({ length: 23 }, (_, i) => `Sentence number ${i} reports something.`);
        const a = article("many", sentences);
        const days = ["2025-03-01", "2025-01-15", "2025-03-01", "2024-12-31", "2025-02-10"];
        const events = sentences.map((_, i) => {
          const start = days[i % days.length]!;
          const end = i % 4 === 0 ? "2025-03-31" : start;
          return event({ id: `e-${String.fromCharCode(97 + (i * 7) % 23)}-${i}`, article: "many", sources: [a.quote(i)], time: { phrase: "x", precision: start === end ? "day" : "range", start, end, bound: "exact" } });
        });
        await store.importData({ layers: [], articles: [a.input], events }, { actor: "seed", mode: "replace" });
        const all = await store.events({}, { limit: 100 });
        const expected = [...events].sort((x, y) => x.time.start.localeCompare(y.time.start) || x.time.end.localeCompare(y.time.end) || x.id.localeCompare(y.id));
        expect(ids(all)).toEqual(expected.map((e) => e.id));
        const paged: string[] = [];
        let after: { start: string; end: string; id: string } | undefined;
        for (;;) {
          const page = await store.events({}, { limit: 7, after });
          paged.push(...ids(page));
          const last = page.at(-1);
          if (!last || page.length < 7) break;
          after = { start: last.time.start, end: last.time.end, id: last.id };
        }
        expect(paged).toEqual(ids(all));
        const streamed: string[] = [];
        for await (const e of store.eachEvent({ from: "2025-02-01" })) streamed.push(e.id);
        expect(streamed).toEqual(ids(await store.events({ from: "2025-02-01" }, { limit: 100 })));
      });
    });

    describe("filters", () => {
      it("narrows by each field", async () => {
        await seeded();
        expect(ids(await store.events({ types: ["diplomacy"] }))).toEqual(["talks", "meeting"]);
        expect(ids(await store.events({ bbox: [35, 32, 36, 33] }))).toEqual(["strike", "meeting", "statement"]);
        // A month-long span overlaps a window that only touches its end.
        expect(ids(await store.events({ from: "2025-07-31", to: "2025-08-18" }))).toEqual(["strike", "talks"]);
        expect(ids(await store.events({ to: "2024-06-01" }))).toEqual(["protest"]);
        expect(ids(await store.events({ article: "a1" }))).toHaveLength(5);
        expect(ids(await store.events({ article: "nope" }))).toEqual([]);
        expect(ids(await store.events({ id: "strike" }))).toEqual(["strike"]);
        expect(ids(await store.events({ layer: "zone" }))).toEqual(["strike", "meeting", "statement"]);
        expect(ids(await store.events({ layer: "towns" }))).toEqual(["protest", "meeting"]);
        expect(ids(await store.events({ layer: "nope" }))).toEqual([]);
      });

      it("combines fields", async () => {
        await seeded();
        expect(ids(await store.events({ layer: "zone", types: ["strike", "statement"], from: "2025-08-01" }))).toEqual(["statement"]);
        expect(ids(await store.events({ bbox: [35, 32, 36, 33], q: "zone" }))).toEqual(["strike", "statement"]);
      });

      it("searches text with case and accents ignored, across words, places, alternate names and scripts", async () => {
        await seeded();
        expect(ids(await store.events({ q: "HAMMA" }))).toEqual(["meeting"]);
        expect(ids(await store.events({ q: "al-hamma" }))).toEqual(["meeting"]);
        expect(ids(await store.events({ q: "Al-Ḥamma" }))).toEqual(["meeting"]);
        expect(ids(await store.events({ q: "square zone" }))).toEqual(["strike"]);
        expect(ids(await store.events({ q: "officials met" }))).toEqual(["meeting"]);
        // Names of the feature an event is about, from properties and the manifest's aliases.
        expect(ids(await store.events({ q: "المربع" }))).toEqual(["statement"]);
        expect(ids(await store.events({ q: "quadrat" }))).toEqual(ids(await store.events({ q: "Kvadrat" })));
        expect(ids(await store.events({ q: "quadrat" }))).toEqual(["statement"]);
        // Short needles and quotes in the needle still work.
        expect(ids(await store.events({ q: "ḥa" })).length).toBeGreaterThan(0);
        expect(ids(await store.events({ q: 'say "hi"' }))).toEqual([]);
        expect(ids(await store.events({ q: "no such words" }))).toEqual([]);
      });

      it("takes a box across the antimeridian as the two sides of it", async () => {
        const a = article("pacific", ["East of the line.", "West of the line.", "Far from it."]);
        await store.importData(
          {
            layers: [],
            articles: [a.input],
            events: [
              event({ id: "east", article: "pacific", sources: [a.quote(0)], where: { name: "Fiji", point: [179.5, -17] } }),
              event({ id: "west", article: "pacific", sources: [a.quote(1)], where: { name: "Samoa", point: [-179.5, -17] } }),
              event({ id: "far", article: "pacific", sources: [a.quote(2)], where: { name: "Zero", point: [0, -17] } }),
            ],
          },
          { actor: "seed", mode: "replace" },
        );
        expect(ids(await store.events({ bbox: [179, -18, -179, -16] })).sort()).toEqual(["east", "west"]);
        expect(ids(await store.events({ bbox: [-1, -18, 1, -16] }))).toEqual(["far"]);
      });

      it("rechecks real coordinates at the edge of a box", async () => {
        const a = article("edge", ["Just inside.", "Just outside.", "Hardly north of the equator."]);
        await store.importData(
          {
            layers: [],
            articles: [a.input],
            events: [
              event({ id: "inside", article: "edge", sources: [a.quote(0)], where: { name: "In", point: [35.1234567, 32] } }),
              event({ id: "outside", article: "edge", sources: [a.quote(1)], where: { name: "Out", point: [35.1234568, 32] } }),
              event({ id: "tiny", article: "edge", sources: [a.quote(2)], where: { name: "Tiny", point: [0, 5e-324] } }),
            ],
          },
          { actor: "seed", mode: "replace" },
        );
        expect(ids(await store.events({ bbox: [35, 31, 35.1234567, 33] }))).toEqual(["inside"]);
        expect(ids(await store.events({ bbox: [35.1234568, 31, 36, 33] }))).toEqual(["outside"]);
        // Too small for float32: an index box rounded to 0 must not lose it.
        expect(ids(await store.events({ bbox: [-1, 5e-324, 1, 5e-324] }))).toEqual(["tiny"]);
      });

      it("counts matches per type and per time span, and tells which of given ids match", async () => {
        await seeded();
        const agg = await store.aggregate({ bbox: [35, 32, 36, 33] });
        expect(agg.count).toBe(3);
        expect(agg.byType).toEqual({ strike: 1, diplomacy: 1, statement: 1 });
        expect(agg.times.map((t) => [t.time.start, t.time.end, t.count])).toEqual([
          ["2025-07-01", "2025-07-31", 1],
          ["2025-08-19", "2025-08-19", 1],
          ["2025-08-20", "2025-08-20", 1],
        ]);
        expect(await store.matchingIds({ types: ["diplomacy"] }, ["meeting", "strike", "talks", "nope"])).toEqual(["talks", "meeting"]);
        expect(await store.matchingIds({}, [])).toEqual([]);
      });
    });

    describe("event tiles", () => {
      const byCount = (a: { properties: Record<string, unknown> }, b: { properties: Record<string, unknown> }) => Number(b.properties.count) - Number(a.properties.count) || String(a.properties.id).localeCompare(String(b.properties.id));

      it("groups located events per cell with counts per type, and keeps area-level events apart", async () => {
        await seeded();
        const layers = decodeTile(await store.eventTile({}, { z: 0, x: 0, y: 0 }));
        expect(tileCount(layers)).toEqual({ events: 4, areas: 1, total: 5 });
        const events = (layers.events ?? []).sort(byCount);
        // The meeting, the strike and the protest share a cell at zoom 0 (listed by zooming in, not by ids); a tie in types goes to the alphabetically first.
        expect(events[0]?.properties).toEqual({ count: 3, "count:diplomacy": 1, "count:protest": 1, "count:strike": 1, dominant: "diplomacy" });
        expect(events.slice(1).map((f) => f.properties)).toEqual([{ count: 1, "count:diplomacy": 1, dominant: "diplomacy", id: "talks", type: "diplomacy", geoPrecision: "exact" }]);
        expect(layers.areas?.map((f) => f.properties)).toEqual([
          { count: 1, "count:statement": 1, dominant: "statement", id: "statement", type: "statement", geoPrecision: "country", precision: "country", place: "Capital" },
        ]);
      });

      it("applies the event filter and the tile's bounds, and answers nothing where nothing matches", async () => {
        await seeded();
        expect(tileCount(decodeTile(await store.eventTile({ types: ["diplomacy"] }, { z: 0, x: 0, y: 0 })))).toEqual({ events: 2, areas: 0, total: 2 });
        expect(tileCount(decodeTile(await store.eventTile({ from: "2025-08-19" }, { z: 0, x: 0, y: 0 })))).toEqual({ events: 1, areas: 1, total: 2 });
        // Zoom 4, tile 9/6 holds the Levant (meeting, strike, statement); Paris lies in 8/5.
        expect(tileCount(decodeTile(await store.eventTile({}, { z: 4, x: 9, y: 6 })))).toEqual({ events: 2, areas: 1, total: 3 });
        expect(tileCount(decodeTile(await store.eventTile({}, { z: 4, x: 8, y: 5 })))).toEqual({ events: 1, areas: 0, total: 1 });
        expect((await store.eventTile({}, { z: 4, x: 0, y: 0 })).byteLength).toBe(0);
      });

      it("gives single events at high zoom, placed inside the tile, and shows a write at once", async () => {
        await seeded();
        // Zoom 14 tile holding Al-Hamma (35.7, 32.7).
        const n = 2 ** 14;
        const x = Math.floor(((35.7 + 180) / 360) * n);
        const lat = (32.7 * Math.PI) / 180;
        const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
        const before = decodeTile(await store.eventTile({}, { z: 14, x, y }));
        expect(before.events?.map((f) => f.properties.id)).toEqual(["meeting"]);
        const [feature] = before.events ?? [];
        expect(feature!.x).toBeGreaterThanOrEqual(0);
        expect(feature!.x).toBeLessThan(4096);
        await store.createEvent(event({ id: "second", article: "a1", sources: [baseWorld().article.quote(0)], type: "strike", where: { name: "Same town", point: [35.7, 32.7] } }), who);
        const after = decodeTile(await store.eventTile({}, { z: 14, x, y }));
        expect(after.events?.map((f) => f.properties)).toEqual([{ count: 2, "count:diplomacy": 1, "count:strike": 1, dominant: "diplomacy", ids: "meeting second" }]);
      });
    });

    describe("writes", () => {
      it("creates, replaces and deletes an event with versions, revision and audit", async () => {
        const world = await seeded();
        const r0 = await store.revision();
        const extra = article("a2", ["A new sentence about Al-Ḥamma."]);
        await store.createArticle(extra.input, who);
        const created = await store.createEvent(event({ id: "new-one", article: "a2", sources: [extra.quote(0)], where: { layer: "towns", feature: "hamma" } }), who);
        expect(created.version).toBe(1);
        expect(created.value.place.name).toBe("Al-Ḥamma");
        expect(await failure(store.createEvent(event({ id: "new-one", article: "a2", sources: [extra.quote(0)] }), who))).toBe("duplicate");

        const replaced = await store.replaceEvent("new-one", event({ id: "new-one", article: "a2", sources: [extra.quote(0)], title: "Renamed", type: "protest" }), { actor: "editor", ifMatch: 1 });
        expect(replaced.version).toBe(2);
        expect((await store.event("new-one"))?.value.title).toBe("Renamed");
        expect(await failure(store.replaceEvent("new-one", event({ id: "new-one", article: "a2", sources: [extra.quote(0)] }), { actor: "late", ifMatch: 1 }))).toBe("stale");
        expect((await store.event("new-one"))?.value.title).toBe("Renamed");
        expect(await failure(store.deleteEvent("new-one", { actor: "late", ifMatch: 1 }))).toBe("stale");
        await store.deleteEvent("new-one", { actor: "editor", ifMatch: 2 });
        expect(await store.event("new-one")).toBeUndefined();
        expect(await failure(store.deleteEvent("new-one", who))).toBe("not-found");
        expect(await failure(store.replaceEvent("nope", world.events[0]!, who))).toBe("not-found");
        expect(await store.revision()).toBe(r0 + 4);

        const audit = await store.audit({ entity: "event", entityId: "new-one" });
        expect(audit.map((a) => [a.action, a.actor])).toEqual([["delete", "editor"], ["replace", "editor"], ["create", "tester"]]);
        expect(audit[1]?.before).toMatchObject({ id: "new-one", title: "Event new-one" });
        expect(audit[1]?.after).toMatchObject({ id: "new-one", title: "Renamed" });
        expect(audit[0]?.after).toBeNull();
        expect(Date.parse(audit[0]!.at)).not.toBeNaN();
      });

      it("refuses bad events, naming the field, and leaves the store unchanged", async () => {
        const world = await seeded();
        const before = await store.revision();
        const good = world.events[0]!;
        const quoteMissing = await problemsOf(store.createEvent({ ...good, id: "bad-1", sources: [{ start: 0, end: 5, quote: "Not in the text" }] }, who));
        expect(quoteMissing.code).toBe("invalid");
        expect(quoteMissing.problems).toContainEqual(expect.objectContaining({ item: "sources[0].quote", rule: "quote-not-in-article" }));
        const offsets = await problemsOf(store.createEvent({ ...good, id: "bad-2", sources: [{ ...good.sources[0]!, start: good.sources[0]!.start + 1 }] }, who));
        expect(offsets.problems).toContainEqual(expect.objectContaining({ item: "sources[0].start", rule: "offsets-mismatch" }));
        const place = await problemsOf(store.createEvent({ ...good, id: "bad-3", where: { layer: "towns", feature: "atlantis" } }, who));
        expect(place.problems).toContainEqual(expect.objectContaining({ item: "where", rule: "unknown-reference" }));
        const noArticle = await problemsOf(store.createEvent({ ...good, id: "bad-4", article: "nope" }, who));
        expect(noArticle.problems).toContainEqual(expect.objectContaining({ item: "article", rule: "unknown-reference" }));
        const unknownField = await problemsOf(store.createEvent({ ...good, id: "bad-5", colour: "red" } as never, who));
        expect(unknownField.problems[0]?.message).toContain('"colour"');
        const nested = await problemsOf(store.createEvent({ ...good, id: "bad-6", sources: [{ ...good.sources[0]!, extra: 1 }] } as never, who));
        expect(nested.problems[0]?.item).toBe("sources[0]");
        const schema = await problemsOf(store.createEvent({ ...good, id: "bad-7", time: { ...good.time, start: "20 Aug" } }, who));
        expect(schema.problems[0]?.item).toBe("time.start");
        const sql = await problemsOf(store.createEvent({ ...good, id: "x'; DROP TABLE events; --" }, who));
        expect(sql.problems[0]?.item).toBe("id");
        expect(await store.revision()).toBe(before);
        expect(ids(await store.events({}))).toHaveLength(5);
      });

      it("writes articles with versions, refuses a text that breaks quotes, deletes with cascade only", async () => {
        const world = await seeded();
        const a1 = (await store.article("a1"))!;
        expect(await failure(store.createArticle(world.article.input, who))).toBe("duplicate");
        const changed = await store.replaceArticle("a1", { ...world.article.input, title: "New title" }, { actor: "editor", ifMatch: a1.version });
        expect(changed.version).toBe(2);
        expect(await failure(store.replaceArticle("a1", { ...world.article.input, title: "Late" }, { actor: "late", ifMatch: 1 }))).toBe("stale");
        const broken = await problemsOf(store.replaceArticle("a1", { ...world.article.input, text: `Prefix. ${world.article.input.text}` }, who));
        expect(broken.code).toBe("invalid");
        expect(broken.problems.length).toBeGreaterThan(0);
        expect((await store.article("a1"))?.value.text).toBe(world.article.input.text);
        expect(await failure(store.deleteArticle("a1", who))).toBe("conflict");
        expect(ids(await store.events({ article: "a1" }))).toHaveLength(5);
        await store.deleteArticle("a1", { ...who, cascade: true });
        expect(await store.article("a1")).toBeUndefined();
        expect(await store.events({})).toEqual([]);
      });

      it("writes layers with versions and refuses to drop features events name", async () => {
        await seeded();
        expect(await failure(store.deleteLayer("towns", who))).toBe("conflict");
        expect(await failure(store.replaceLayer("towns", layer("towns", [point("far", [10, 10])]), who))).toBe("conflict");
        const bad = await problemsOf(store.createLayer(layer("bad", [square("open", [0, 0, 1, 1])].map((f) => ({ ...f, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }) as never)), who));
        expect(bad.problems).toContainEqual(expect.objectContaining({ rule: "unclosed-ring" }));
        const created = await store.createLayer(layer("extra", [point("p", [1, 1])]), who);
        expect(created.version).toBe(1);
        expect(await failure(store.createLayer(layer("extra", [point("p", [1, 1])]), who))).toBe("duplicate");
        const replaced = await store.replaceLayer("extra", layer("extra", [point("p", [2, 2]), point("q", [3, 3])]), { actor: "editor", ifMatch: 1 });
        expect(replaced.version).toBe(2);
        expect(replaced.value.summary.featureCount).toBe(2);
        expect(await failure(store.replaceLayer("extra", layer("extra", [point("p", [2, 2])]), { actor: "late", ifMatch: 1 }))).toBe("stale");
        await store.deleteLayer("extra", { actor: "editor", ifMatch: 2 });
        expect(await store.layer("extra")).toBeUndefined();
        expect((await store.audit({ entity: "layer", entityId: "extra" })).map((a) => a.action)).toEqual(["delete", "replace", "create"]);
      });

      it("imports all or nothing: a bad item in the middle leaves the store as it was", async () => {
        await seeded();
        const before = { revision: await store.revision(), events: ids(await store.events({})), layers: (await store.layers()).layers.map((l) => l.id) };
        const more = article("a3", ["First new sentence.", "Second new sentence.", "Third new sentence."]);
        const events = [0, 1, 2].map((i) => event({ id: `more-${i}`, article: "a3", sources: [more.quote(i)] }));
        events[1] = { ...events[1]!, sources: [{ start: 0, end: 4, quote: "Nothing like this" }] };
        const error = await problemsOf(store.importData({ layers: [layer("new-layer", [point("n", [1, 1])])], articles: [more.input], events }, { actor: "importer", mode: "merge" }));
        expect(error.code).toBe("invalid");
        expect(error.problems).toContainEqual(expect.objectContaining({ rule: "quote-not-in-article" }));
        expect(error.problems.some((p) => p.item?.includes("events[1]"))).toBe(true);
        expect(await store.revision()).toBe(before.revision);
        expect(ids(await store.events({}))).toEqual(before.events);
        expect((await store.layers()).layers.map((l) => l.id)).toEqual(before.layers);
        expect(await store.article("a3")).toBeUndefined();

        const dup = await problemsOf(store.importData({ layers: [], articles: [more.input], events: [events[0]!, events[0]!] }, { actor: "importer", mode: "merge" }));
        expect(dup.problems).toContainEqual(expect.objectContaining({ rule: "duplicate-id" }));

        events[1] = event({ id: "more-1", article: "a3", sources: [more.quote(1)] });
        const summary = await store.importData({ layers: [], articles: [more.input], events }, { actor: "importer", mode: "merge" });
        expect(summary).toEqual({ layers: 0, articles: 1, events: 3 });
        expect(ids(await store.events({}))).toHaveLength(8);
        expect((await store.audit({ entity: "data" }))[0]).toMatchObject({ action: "import", actor: "importer" });

        await store.importData({ layers: [], articles: [more.input], events }, { actor: "importer", mode: "replace" });
        expect(ids(await store.events({})).sort()).toEqual(["more-0", "more-1", "more-2"]);
        expect((await store.layers()).layers).toEqual([]);
      });
    });

    describe("review of drafted events", () => {
      const draftReview = { status: "unreviewed" as const, method: "extracted" as const, extractedAt: "2025-08-20T10:00:00.000Z", confidence: 0.6, cues: ['verb "struck" (strike)'] };

      it("hides unreviewed drafts from every reading query unless asked, and lists them for the review queue", async () => {
        const world = await seeded();
        const draft = { ...world.events[1]!, id: "draft-strike", title: "Drafted strike", review: draftReview };
        await store.createEvent(draft, who);
        expect(ids(await store.events({}))).not.toContain("draft-strike");
        expect(ids(await store.events({ article: "a1" }))).toHaveLength(5);
        expect(ids(await store.events({ q: "drafted" }))).toEqual([]);
        expect(ids(await store.events({ layer: "zone" }))).toEqual(["strike", "meeting", "statement"]);
        expect((await store.aggregate({})).count).toBe(5);
        expect(await store.matchingIds({}, ["draft-strike", "strike"])).toEqual(["strike"]);
        expect((await store.articles()).find((a) => a.id === "a1")?.eventCount).toBe(5);
        expect((await store.articleSpans("a1")).map((s) => s.event)).not.toContain("draft-strike");
        // The review queue, and everything at once.
        expect(ids(await store.events({ review: "unreviewed" }))).toEqual(["draft-strike"]);
        expect(ids(await store.events({ review: "unreviewed", q: "drafted", layer: "zone" }))).toEqual(["draft-strike"]);
        expect(ids(await store.events({ review: "all", article: "a1" }))).toHaveLength(6);
        expect((await store.aggregate({ review: "unreviewed" })).count).toBe(1);
        // One event by id is always readable: the review page opens it.
        expect((await store.event("draft-strike"))?.value.review).toEqual(draftReview);
      });

      it("shows a draft once it is written as reviewed, keeping its extraction record", async () => {
        const world = await seeded();
        const draft = { ...world.events[1]!, id: "draft-strike", review: draftReview };
        await store.createEvent(draft, who);
        const reviewed = { ...draft, review: { ...draftReview, status: "reviewed" as const, reviewedBy: "tester", reviewedAt: "2025-08-21T09:00:00.000Z" } };
        await store.replaceEvent("draft-strike", reviewed, who);
        expect(ids(await store.events({ types: ["strike"] }))).toEqual(["draft-strike", "strike"]);
        expect(ids(await store.events({ review: "unreviewed" }))).toEqual([]);
        expect((await store.event("draft-strike"))?.value.review).toMatchObject({ status: "reviewed", method: "extracted", reviewedBy: "tester" });
      });

      it("imports drafts with the data set and keeps them hidden until reviewed", async () => {
        const world = baseWorld();
        const draft = { ...world.events[0]!, id: "imported-draft", review: draftReview };
        await store.importData({ ...world.data, events: [...world.data.events, draft] }, { actor: "seed", mode: "replace" });
        expect(ids(await store.events({}))).not.toContain("imported-draft");
        expect(ids(await store.events({ review: "unreviewed" }))).toEqual(["imported-draft"]);
      });
    });

    describe("layer membership", () => {
      it("is computed when an event is written", async () => {
        await seeded();
        const a = article("m1", ["Inside the zone.", "Country level.", "Outside."]);
        await store.createArticle(a.input, who);
        await store.createEvent(event({ id: "in-zone", article: "m1", sources: [a.quote(0)], where: { name: "Inner", point: [35.9, 32.9] } }), who);
        await store.createEvent(event({ id: "country", article: "m1", sources: [a.quote(1)], where: { name: "Inner", point: [35.9, 32.9] }, geoPrecision: "country" }), who);
        await store.createEvent(event({ id: "out-zone", article: "m1", sources: [a.quote(2)], where: { name: "Outer", point: [36.1, 32.9] } }), who);
        expect(ids(await store.events({ layer: "zone", article: "m1" }))).toEqual(["in-zone"]);
        // Moving the marker out of the area takes the event out of the layer.
        await store.replaceEvent("in-zone", event({ id: "in-zone", article: "m1", sources: [a.quote(0)], where: { name: "Moved", point: [37, 32.9] } }), who);
        expect(ids(await store.events({ layer: "zone", article: "m1" }))).toEqual([]);
      });

      it("is computed when a layer is written, created or replaced", async () => {
        await seeded();
        expect(ids(await store.events({ layer: "box" }))).toEqual([]);
        await store.createLayer(layer("box", [square("b", [2, 48, 3, 49])]), who);
        expect(ids(await store.events({ layer: "box" }))).toEqual(["talks"]);
        await store.replaceLayer("box", layer("box", [square("b", [35.1, 32.1, 35.3, 32.3])]), who);
        expect(ids(await store.events({ layer: "box" }))).toEqual(["strike"]);
        await store.deleteLayer("box", who);
        expect(ids(await store.events({ layer: "box" }))).toEqual([]);
      });

      it("holds for a layer of 3,000 small areas, each event in the one it lies in", async () => {
        // A 60 × 50 grid of 0.01° cells from (30, 10); one event in every 7th cell, one between cells' rows.
        const cells = Array.from({ length: 3000 }, (_, i) => square(`c${i}`, [30 + (i % 60) * 0.01, 10 + Math.floor(i / 60) * 0.01, 30 + (i % 60) * 0.01 + 0.008, 10 + Math.floor(i / 60) * 0.01 + 0.008]));
        const inside = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 7 === 0);
        const a = article("grid", [...inside.map((i) => `Report ${i}.`), "Between the cells."]);
        const events = inside.map((cell, k) => event({ id: `in-${cell}`, article: "grid", sources: [a.quote(k)], where: { name: `Cell ${cell}`, point: [30 + (cell % 60) * 0.01 + 0.004, 10 + Math.floor(cell / 60) * 0.01 + 0.004] } }));
        events.push(event({ id: "between", article: "grid", sources: [a.quote(inside.length)], where: { name: "Gap", point: [30.009, 10.009] } }));
        await store.importData({ layers: [], articles: [a.input], events }, { actor: "seed", mode: "replace" });
        await store.createLayer(layer("cells", cells), who);
        const members = await store.events({ layer: "cells" }, { limit: 10_000 });
        expect(members.map((e) => e.id).sort()).toEqual(inside.map((i) => `in-${i}`).sort());
      });

      it("follows a layer's new names and points for the events that name it", async () => {
        await seeded();
        await store.replaceLayer("towns", layer("towns", [point("hamma", [35.8, 32.8], { name: "El Hamma" }), point("far", [10, 10])], { order: 20, aliases: { hamma: ["Hammat Gader"] } }), who);
        const meeting = (await store.event("meeting"))!.value;
        expect(meeting.place).toMatchObject({ name: "El Hamma", point: [35.8, 32.8] });
        expect(ids(await store.events({ q: "hammat gader" }))).toEqual(["meeting"]);
      });
    });

    describe("event import (batched)", () => {
      async function* batches(...list: EventBatch[]): AsyncIterable<EventBatch> {
        yield* list;
      }
      const origin = (record: string) => ({ dataset: "acled" as const, record, original: { event_type: "Battles", time_precision: "1" } });

      it("creates, then on re-import updates by id, deletes, keeps the origin and writes one audit entry", async () => {
        const a1 = article("import-1", ["Clash near the border.", "Shelling of the town."]);
        const first = await store.importEvents(
          batches({ articles: [a1.input], events: [event({ id: "acled-x1", article: "import-1", sources: [a1.quote(0)], origin: origin("X1") }), event({ id: "acled-x2", article: "import-1", sources: [a1.quote(1)] })] }),
          { actor: "importer", source: "first.csv" },
        );
        expect(first).toMatchObject({ articles: 1, created: 2, updated: 0, deleted: 0, dryRun: false });
        expect((await store.event("acled-x1"))!.value.origin).toEqual(origin("X1"));

        const a2 = article("import-2", ["Clash near the border, two killed."]);
        const seen: string[] = [];
        const second = await store.importEvents(
          batches({ articles: [a2.input], events: [event({ id: "acled-x1", article: "import-2", sources: [a2.quote(0)], origin: origin("X1") })], deletions: ["acled-x2", "acled-none"] }),
          { actor: "importer", source: "second.csv", onBatch: (r) => seen.push(...r.updated.map((id) => `updated ${id}`), ...r.deleted.map((id) => `deleted ${id}`), ...r.notFound.map((id) => `not found ${id}`)) },
        );
        expect(second).toMatchObject({ created: 0, updated: 1, deleted: 1, notFound: 1 });
        expect(seen).toEqual(["updated acled-x1", "deleted acled-x2", "not found acled-none"]);
        const x1 = (await store.event("acled-x1"))!;
        expect(x1.version).toBe(2);
        expect(x1.value.sources[0]!.quote).toBe("Clash near the border, two killed.");
        expect(await store.event("acled-x2")).toBeUndefined();
        expect(second.articlesPruned).toBe(0);
        const audit = await store.audit({ entity: "data" });
        expect(audit.map((e) => [e.action, e.entityId, e.actor])).toEqual([
          ["import", "second.csv", "importer"],
          ["import", "first.csv", "importer"],
        ]);
      });

      it("writes nothing when a later batch is invalid, and nothing on a dry run", async () => {
        const revision = await store.revision();
        const a1 = article("import-ok", ["A sentence."]);
        const a2 = article("import-bad", ["Another sentence."]);
        const error = await problemsOf(
          store.importEvents(
            batches(
              { articles: [a1.input], events: [event({ id: "good", article: "import-ok", sources: [a1.quote(0)] })] },
              { articles: [a2.input], events: [event({ id: "bad", article: "import-bad", sources: [{ start: 0, end: 5, quote: "Not there" }] })] },
            ),
            { actor: "importer", source: "bad.csv" },
          ),
        );
        expect(error.code).toBe("invalid");
        expect(error.problems[0]!.item).toContain("event (bad)");
        expect(await store.event("good")).toBeUndefined();
        expect(await store.article("import-ok")).toBeUndefined();

        const dry = await store.importEvents(batches({ articles: [a1.input], events: [event({ id: "good", article: "import-ok", sources: [a1.quote(0)] })] }), { actor: "importer", source: "dry.csv", dryRun: true });
        expect(dry).toMatchObject({ created: 1, dryRun: true });
        expect(await store.event("good")).toBeUndefined();
        expect(await store.revision()).toBe(revision);
        expect(await store.audit({ entity: "data" })).toEqual([]);
      });

      it("prunes the earlier import's articles that no event quotes any more, when asked", async () => {
        const a1 = article("imp-old-1", ["Old."]);
        await store.importEvents(batches({ articles: [a1.input], events: [event({ id: "moved", article: "imp-old-1", sources: [a1.quote(0)] })] }), { actor: "importer", source: "a.csv" });
        const kept = article("other", ["Kept."]);
        await store.createArticle(kept.input, who);
        const a2 = article("imp-new-1", ["New."]);
        const r = await store.importEvents(batches({ articles: [a2.input], events: [event({ id: "moved", article: "imp-new-1", sources: [a2.quote(0)] })] }), { actor: "importer", source: "b.csv", pruneEmptyArticles: "imp-" });
        expect(r.articlesPruned).toBe(1);
        expect(await store.article("imp-old-1")).toBeUndefined();
        expect(await store.article("other")).toBeDefined();
        expect((await store.event("moved"))!.value.article).toBe("imp-new-1");
      });

      it("refuses an article id that already exists, leaving the store as it was", async () => {
        const a = article("import-once", ["One."]);
        await store.importEvents(batches({ articles: [a.input], events: [event({ id: "one", article: "import-once", sources: [a.quote(0)] })] }), { actor: "importer", source: "a.csv" });
        expect(await failure(store.importEvents(batches({ articles: [a.input], events: [] }), { actor: "importer", source: "b.csv" }))).toBe("duplicate");
        expect((await store.event("one"))!.version).toBe(1);
      });
    });

    describe("accounts", () => {
      const newUser = (name: string, role: "viewer" | "editor" | "admin" = "editor") => ({ name, key: name.toLowerCase(), role, passwordHash: `$argon2id$fake$${name}` });
      const inAnHour = () => new Date(Date.now() + 3_600_000);

      it("keeps users by name key: one account per key, found with the password hash, listed without it", async () => {
        const alice = await store.accounts.createUser(newUser("Alice", "admin"));
        expect(alice).toMatchObject({ name: "Alice", key: "alice", role: "admin" });
        expect(await failure(store.accounts.createUser({ ...newUser("ALICE"), key: "alice" }))).toBe("duplicate");
        expect((await store.accounts.userByKey("alice"))?.passwordHash).toBe("$argon2id$fake$Alice");
        expect(await store.accounts.userByKey("bob")).toBeUndefined();
        await store.accounts.createUser(newUser("bob", "viewer"));
        const listed = await store.accounts.users();
        expect(listed.map((u) => [u.name, u.role])).toEqual([["Alice", "admin"], ["bob", "viewer"]]);
        expect(listed[0]).not.toHaveProperty("passwordHash");
        // Accounts are not data: the store still counts as empty for the first-start import.
        expect(await store.isEmpty()).toBe(true);
      });

      it("changes roles and passwords; a new password ends the user's sessions", async () => {
        const bob = await store.accounts.createUser(newUser("bob", "viewer"));
        expect((await store.accounts.setRole(bob.id, "editor")).role).toBe("editor");
        await store.accounts.createSession({ idDigest: "s1", userId: bob.id, csrf: "c1", createdAt: new Date(), expiresAt: inAnHour() });
        expect((await store.accounts.session("s1"))?.user.role).toBe("editor");
        await store.accounts.setPassword(bob.id, "$argon2id$new");
        expect((await store.accounts.userByKey("bob"))?.passwordHash).toBe("$argon2id$new");
        expect(await store.accounts.session("s1")).toBeUndefined();
        expect(await failure(store.accounts.setRole(9999, "admin"))).toBe("not-found");
        expect(await failure(store.accounts.setPassword(9999, "x"))).toBe("not-found");
      });

      it("keeps sessions by digest with their user and CSRF value; deletes one, and the expired ones", async () => {
        const carol = await store.accounts.createUser(newUser("carol"));
        const now = new Date();
        await store.accounts.createSession({ idDigest: "live", userId: carol.id, csrf: "csrf-live", createdAt: now, expiresAt: inAnHour() });
        await store.accounts.createSession({ idDigest: "past", userId: carol.id, csrf: "csrf-past", createdAt: new Date(now.getTime() - 7_200_000), expiresAt: new Date(now.getTime() - 1000) });
        const live = await store.accounts.session("live");
        expect(live).toMatchObject({ userId: carol.id, csrf: "csrf-live", user: { name: "carol", role: "editor" } });
        expect(Date.parse(live!.expiresAt)).toBeGreaterThan(Date.now());
        const later = new Date(now.getTime() + 5000);
        await store.accounts.touchSession("live", later);
        expect(Date.parse((await store.accounts.session("live"))!.lastSeenAt)).toBe(later.getTime());
        expect(await store.accounts.deleteExpiredSessions(new Date(), 3_600_000)).toBe(1);
        expect(await store.accounts.session("past")).toBeUndefined();
        await store.accounts.deleteSession("live");
        expect(await store.accounts.session("live")).toBeUndefined();
      });

      it("keeps API tokens by digest: listed per user, touched, revoked only by their owner's id", async () => {
        const dave = await store.accounts.createUser(newUser("dave"));
        const erin = await store.accounts.createUser(newUser("erin"));
        const token = await store.accounts.createToken({ digest: "d1", userId: dave.id, label: "nightly import", createdAt: new Date() });
        expect(token).toMatchObject({ userId: dave.id, label: "nightly import", lastUsedAt: null });
        expect((await store.accounts.token("d1"))?.user.name).toBe("dave");
        expect(await store.accounts.token("nope")).toBeUndefined();
        const used = new Date();
        await store.accounts.touchToken(token.id, used);
        expect((await store.accounts.tokens(dave.id)).map((t) => [t.label, t.lastUsedAt && Date.parse(t.lastUsedAt)])).toEqual([["nightly import", used.getTime()]]);
        expect(await store.accounts.tokens(erin.id)).toEqual([]);
        expect(await store.accounts.revokeToken(erin.id, token.id)).toBe(false);
        expect(await store.accounts.revokeToken(dave.id, token.id)).toBe(true);
        expect(await store.accounts.token("d1")).toBeUndefined();
      });

      it("removes a user with their sessions and tokens", async () => {
        const frank = await store.accounts.createUser(newUser("frank"));
        await store.accounts.createSession({ idDigest: "fs", userId: frank.id, csrf: "c", createdAt: new Date(), expiresAt: inAnHour() });
        await store.accounts.createToken({ digest: "ft", userId: frank.id, label: "x", createdAt: new Date() });
        await store.accounts.removeUser(frank.id);
        expect(await store.accounts.userByKey("frank")).toBeUndefined();
        expect(await store.accounts.session("fs")).toBeUndefined();
        expect(await store.accounts.token("ft")).toBeUndefined();
        expect(await failure(store.accounts.removeUser(frank.id))).toBe("not-found");
      });

      it("counts wrong passwords per name key and locks the key after the limit, until it ends or is cleared", async () => {
        const now = new Date("2030-01-01T00:00:00Z");
        const policy = { lockAfter: 3, lockMs: 60_000 };
        expect(await store.accounts.signInLock("nobody", now)).toBeUndefined();
        expect(await store.accounts.recordSignInFailure("nobody", now, policy)).toBeUndefined();
        expect(await store.accounts.recordSignInFailure("nobody", now, policy)).toBeUndefined();
        const until = await store.accounts.recordSignInFailure("nobody", now, policy);
        expect(Date.parse(until!)).toBe(now.getTime() + 60_000);
        expect(await store.accounts.signInLock("nobody", now)).toBe(until);
        expect(await store.accounts.signInLock("someone-else", now)).toBeUndefined();
        expect(await store.accounts.signInLock("nobody", new Date(now.getTime() + 60_001))).toBeUndefined();
        // The count starts again after a lock; clearing forgets both.
        expect(await store.accounts.recordSignInFailure("nobody", now, policy)).toBeUndefined();
        await store.accounts.clearSignInFailures("nobody");
        expect(await store.accounts.signInLock("nobody", now)).toBeUndefined();
      });

      it("writes account changes made by someone to the audit log, without secrets", async () => {
        const gus = await store.accounts.createUser(newUser("gus", "viewer"), "ada");
        await store.accounts.setRole(gus.id, "editor", "ada");
        await store.accounts.setPassword(gus.id, "$argon2id$secret-hash", "ada");
        const token = await store.accounts.createToken({ digest: "secret-digest", userId: gus.id, label: "import", createdAt: new Date() }, "gus");
        await store.accounts.revokeToken(gus.id, token.id, "ada");
        await store.accounts.removeUser(gus.id, "ada");
        await store.accounts.createUser(newUser("quiet")); // no `by`: not logged
        const entries = (await store.audit({ entity: "user" })).reverse();
        expect(entries.map((e) => [e.actor, e.action, e.entityId])).toEqual([
          ["ada", "create", "gus"],
          ["ada", "replace", "gus"],
          ["ada", "replace", "gus"],
          ["gus", "replace", "gus"],
          ["ada", "replace", "gus"],
          ["ada", "delete", "gus"],
        ]);
        expect(entries[1]).toMatchObject({ before: { role: "viewer" }, after: { role: "editor" } });
        expect(entries[3]).toMatchObject({ before: { tokens: [] }, after: { tokens: ["import"] } });
        expect(JSON.stringify(entries)).not.toMatch(/secret-hash|secret-digest|argon2/);
        // A refused change writes nothing.
        expect(await failure(store.accounts.createUser({ ...newUser("quiet2"), key: "quiet" }, "ada"))).toBe("duplicate");
        expect(await store.audit({ entity: "user" })).toHaveLength(6);
      });

      it("says who added a thing and who last edited it, from the audit log", async () => {
        const world = await seeded();
        expect(await store.authorship("event", "meeting")).toEqual({});
        const body = world.data.events.find((e) => e.id === "meeting")!;
        await store.createEvent({ ...body, id: "added" }, { actor: "alice" });
        const added = await store.authorship("event", "added");
        expect(added.added?.by).toBe("alice");
        expect(added.edited).toBeUndefined();
        await store.replaceEvent("added", { ...body, id: "added", title: "Changed" }, { actor: "bob" });
        await store.replaceEvent("added", { ...body, id: "added", title: "Changed again" }, { actor: "carol" });
        const edited = await store.authorship("event", "added");
        expect(edited.added?.by).toBe("alice");
        expect(edited.edited?.by).toBe("carol");
        expect(Date.parse(edited.edited!.at)).toBeGreaterThanOrEqual(Date.parse(edited.added!.at));
        // Deleted and added again: the new life's author, not the old edits.
        await store.deleteEvent("added", { actor: "dave" });
        await store.createEvent({ ...body, id: "added" }, { actor: "erin" });
        expect(await store.authorship("event", "added")).toEqual({ added: { by: "erin", at: expect.any(String) } });
      });
    });
  });
}
