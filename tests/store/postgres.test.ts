import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import { syntheticEvents } from "@/lib/data/synthetic";
import { eventMatcher } from "@/lib/events/filter";
import type { EventQuery } from "@/lib/model/event-query";
import { byTime } from "@/lib/model/event-order";
import { importOnFirstStart } from "@/lib/store/first-start";
import { dataSetOf } from "@/lib/store/from-files";
import { MIGRATIONS } from "@/lib/store/postgres/migrations";
import { openPostgresStore } from "@/lib/store/postgres";
import { StoreError, type DataSet, type Store } from "@/lib/store/store";
import { postgresMissing, startPostgres, type PostgresCluster } from "../harness/postgres";

/**
 * What only the PostgreSQL backend must show (the backend-neutral rules are the contract suite's):
 * app processes share no state, first starts race safely, a replica serves reads, a database that
 * is down or slow gives a clear error, and the SQL filters agree with the in-memory ones.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Above the import's bulk-load threshold (lib/store/postgres/import.ts). */
const BULK = 20_500;
const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL store tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)("PostgreSQL + PostGIS store", () => {
  let cluster: PostgresCluster;
  let seed: DataSet;
  let dbCount = 0;
  const stores: Store[] = [];
  const fresh = async () => cluster.createDatabase(`t${++dbCount}`);
  const open = async (url: string, options?: Parameters<typeof openPostgresStore>[1]) => {
    const store = await openPostgresStore(url, options);
    stores.push(store);
    return store;
  };
  const admin = { actor: "test" };

  beforeAll(async () => {
    cluster = await startPostgres();
    seed = await seedData();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
    await cluster?.stop();
  });

  test("two stores on one database (two app processes) see each other's writes at once", async () => {
    const url = await fresh();
    const [a, b] = [await open(url), await open(url)];
    await a.importData(seed, { actor: "seed", mode: "replace" });
    const event = seed.events[0]!;
    const before = await b.revision();

    const created = await a.createEvent({ ...event, id: "written-by-a", title: "Written by A" }, admin);
    expect(created.version).toBe(1);
    expect((await b.event("written-by-a"))?.value.title).toBe("Written by A");
    expect(await b.revision()).toBeGreaterThan(before);

    // B replaces it with the version it read; A, holding the old version, is refused.
    await b.replaceEvent("written-by-a", { ...event, id: "written-by-a", title: "Changed by B" }, { actor: "b", ifMatch: 1 });
    await expect(a.replaceEvent("written-by-a", { ...event, id: "written-by-a", title: "Late A" }, { actor: "a", ifMatch: 1 })).rejects.toMatchObject({ code: "stale" });
    expect((await a.event("written-by-a"))?.value.title).toBe("Changed by B");
    const trail = await a.audit({ entity: "event", entityId: "written-by-a" });
    expect(trail.map((t) => [t.action, t.actor])).toEqual([
      ["replace", "b"],
      ["create", "test"],
    ]);
  });

  test("several first starts at once apply the migrations once and all answer", async () => {
    const url = await fresh();
    const many = await Promise.all([1, 2, 3, 4].map(() => open(url)));
    const revisions = await Promise.all(many.map((s) => s.revision()));
    expect(revisions).toEqual([0, 0, 0, 0]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  test("a first start fills the database from data/, and the SQL filters find what the seed's in-memory filters find", async () => {
    const store = await open(await fresh());
    await importOnFirstStart(store, path.join(ROOT, "data"), {});
    expect(await store.isEmpty()).toBe(false);
    const ids = async (q: Parameters<Store["events"]>[0]) => (await store.events(q)).map((e) => e.id);

    // Every name of As-Suwayda, in Latin and Arabic script, finds the same events (aliases, name_ar).
    const sweida = await ids({ q: "Sweida" });
    expect(sweida).toContain("israel-strikes-as-suwayda");
    expect(await ids({ q: "SUWAYDA" })).toEqual(sweida);
    expect(await ids({ q: "السويداء" })).toEqual(sweida);
    // A box around As-Suwayda and July 2025, then the layer itself.
    expect(await ids({ bbox: [36, 32, 37.5, 33.5], from: "2025-07-01", to: "2025-07-31" })).toEqual(
      expect.arrayContaining(["as-suwayda-fighting", "israel-strikes-as-suwayda"]),
    );
    expect(await ids({ layer: "as-suwayda" })).toEqual(expect.arrayContaining(["as-suwayda-fighting", "israel-strikes-as-suwayda", "druze-demonstrations"]));
    // A window before 1975 keeps only the 1974 agreement.
    expect(await ids({ to: "1975-01-01" })).toEqual(["ceasefire-agreement-1974"]);
    const all = await store.aggregate({});
    expect(all.count).toBe(seed.events.length);

    // Documents come back as written, key order included, so that db:export reproduces the files.
    for (const written of seed.events) {
      const read = await store.event(written.id);
      expect(JSON.stringify(withoutPlaces(read!.value))).toBe(JSON.stringify(written));
    }
    const layer = await store.layer("as-suwayda");
    expect(JSON.stringify(layer?.data)).toBe(JSON.stringify(seed.layers.find((l) => l.id === "as-suwayda")?.data));
  });

  test("a load large enough to build its indexes afterwards answers as the in-memory filters do", async () => {
    const url = await fresh();
    const store = await open(url);
    const synthetic = syntheticEvents(BULK, 7);
    const { textFile: _t, eventsFile: _e, ...article } = synthetic.article;
    await store.importData({ ...seed, articles: [...seed.articles, article], events: synthetic.events.map(withoutPlaces) }, { actor: "seed", mode: "replace" });
    const layers = new Map(seed.layers.map((l) => [l.id, l.data.features]));
    const queries: EventQuery[] = [
      { bbox: [35, 32, 37, 34], from: "2024-03-01", to: "2024-05-31" },
      { layer: "as-suwayda" },
      { layer: "levant-countries", types: ["strike", "protest"] },
      { q: "(strike) at 36.1" },
      { bbox: [2.2, 48.8, 2.5, 48.9], to: "2024-02-01" },
    ];
    for (const query of queries) {
      const matches = eventMatcher({ ...query, types: query.types && [...query.types], layer: query.layer ? { id: query.layer, features: layers.get(query.layer)! } : undefined });
      const expected = synthetic.events.filter(matches).sort(byTime).map((e) => e.id);
      const found: string[] = [];
      for await (const e of store.eachEvent(query)) found.push(e.id);
      expect(found, JSON.stringify(query)).toEqual(expected);
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
    }
    // The indexes dropped for the load are back, as migration 1 made them.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY indexname");
    await client.end();
    expect(rows.map((r) => r.indexname)).toEqual(["events_by_article", "events_by_review", "events_list_order", "events_pkey", "events_search", "events_where_when"]);
  });

  test("a point inside a layer's area joins the layer when written; a country-level marker does not", async () => {
    const store = await open(await fresh());
    const synthetic = syntheticEvents(50, 3);
    const { textFile: _t, eventsFile: _e, ...article } = synthetic.article;
    await store.importData({ ...seed, articles: [...seed.articles, article] }, { actor: "seed", mode: "replace" });
    const event = synthetic.events[0]!;
    const body = { ...withoutPlaces(event), id: "inside-suwayda", where: { name: "Salkhad", point: [36.71, 32.49] as [number, number] } };
    await store.createEvent(body, admin);
    expect(await store.matchingIds({ layer: "as-suwayda" }, ["inside-suwayda"])).toEqual(["inside-suwayda"]);
    await store.replaceEvent("inside-suwayda", { ...body, geoPrecision: "country" }, admin);
    expect(await store.matchingIds({ layer: "as-suwayda" }, ["inside-suwayda"])).toEqual([]);
  });

  test("reads go to the read replica, writes and what they return to the primary", async () => {
    const primaryUrl = await fresh();
    const replicaUrl = await fresh();
    // The "replica" is a second database holding less, so that where an answer came from shows.
    const replicaSide = await open(replicaUrl);
    await replicaSide.importData({ layers: seed.layers, articles: [], events: [] }, { actor: "seed", mode: "replace" });
    const primarySide = await open(primaryUrl);
    await primarySide.importData(seed, { actor: "seed", mode: "replace" });

    const store = await open(primaryUrl, { readUrl: replicaUrl });
    expect((await store.events({})).length).toBe(0);
    const written = await store.createEvent({ ...seed.events[0]!, id: "to-the-primary" }, admin);
    expect(written.value.id).toBe("to-the-primary");
    expect(await primarySide.event("to-the-primary")).toBeDefined();
    expect(await replicaSide.event("to-the-primary")).toBeUndefined();
  });

  test("text with a NUL character, which PostgreSQL cannot hold, finds nothing on reads and is refused on writes", async () => {
    const store = await open(await fresh());
    await store.importData(seed, { actor: "seed", mode: "replace" });
    expect(await store.event("paris-talks\u0000")).toBeUndefined();
    expect(await store.layer("\u0000")).toBeUndefined();
    expect(await store.article("\u0000x")).toBeUndefined();
    expect(await store.events({ q: "paris\u0000" })).toEqual([]);
    expect(await store.aggregate({ layer: "\u0000" })).toMatchObject({ count: 0 });
    expect(await store.matchingIds({}, ["paris-talks", "x\u0000"])).toEqual(["paris-talks"]);
    expect(await store.audit({ actor: "\u0000" })).toEqual([]);
    await expect(store.deleteEvent("\u0000", admin)).rejects.toMatchObject({ code: "not-found" });
    const written = { ...seed.events[0]!, id: "with-nul", title: "Before\u0000after" };
    const refused = await store.createEvent(written, admin).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "invalid" });
    expect((refused as StoreError).problems.map((p) => p.item)).toEqual(["title"]);
    expect(await store.event("with-nul")).toBeUndefined();
  });

  test("a database nobody listens on is unavailable, quickly and without the URL's password", async () => {
    const store = await open("postgres://briefmap:secret-password@127.0.0.1:9/briefmap");
    const error = await store.layers().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("unavailable");
    expect((error as StoreError).message).not.toContain("secret-password");
  });

  test("a query held up past the statement timeout is cancelled and reported as a timeout", async () => {
    const url = await fresh();
    const store = await open(url, { statementTimeoutMs: 300 });
    await store.revision(); // schema in place
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE");
      await expect(store.events({})).rejects.toMatchObject({ code: "timeout" });
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await store.events({})).toEqual([]);
  });

  test("an import with one bad event writes nothing and names the event", async () => {
    const store = await open(await fresh());
    await store.importData(seed, { actor: "seed", mode: "replace" });
    const revision = await store.revision();
    const bad = { ...seed.events[1]!, id: "bad-quote", sources: [{ start: 0, end: 5, quote: "Nowhere in the text" }] };
    const error = await store.importData({ ...seed, events: [...seed.events, bad] }, { actor: "seed", mode: "replace" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid" });
    expect((error as StoreError).problems.some((p) => p.item?.includes("bad-quote"))).toBe(true);
    expect(await store.revision()).toBe(revision);
    expect((await store.aggregate({})).count).toBe(seed.events.length);
  });
});

/** The repository's data/ folder in the form the store imports. */
async function seedData(): Promise<DataSet> {
  return dataSetOf(await loadBriefData(path.join(ROOT, "data")));
}

function withoutPlaces<E extends { place: unknown; aboutPlaces: unknown }>(e: E): Omit<E, "place" | "aboutPlaces"> {
  const { place: _p, aboutPlaces: _a, ...body } = e;
  return body;
}
