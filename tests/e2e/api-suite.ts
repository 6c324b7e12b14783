import { describe, expect, it } from "vitest";

/**
 * The HTTP API's read contract (PRODUCT.md, README), asked of a server holding the data/ folder:
 * run on the default SQLite store (api.test.ts) and on PostGIS (api-postgres.test.ts).
 */
export function defineApiSuite(base: () => string): void {
  async function get(path: string) {
    const response = await fetch(`${base()}${path}`);
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, type, body: type.includes("json") ? await response.json() : await response.text() };
  }

  describe("GET /api/layers", () => {
    it("lists every layer with its bbox, feature count and provenance", async () => {
      const { status, body } = await get("/api/layers");
      expect(status).toBe(200);
      const ids = body.layers.map((l: { id: string }) => l.id);
      expect(ids).toEqual(expect.arrayContaining(["golan-buffer-zone", "as-suwayda", "paris", "undof-lines", "areas-of-limitation", "levant-countries", "places"]));
      const zone = body.layers.find((l: { id: string }) => l.id === "golan-buffer-zone");
      expect(zone).toMatchObject({ title: expect.any(String), geometryType: "Polygon", featureCount: 1, source: expect.stringContaining("OpenStreetMap"), licence: "ODbL 1.0", attribution: "© OpenStreetMap contributors" });
      // The bbox PROVENANCE.md gives for the Area of Separation, to its 4 decimals.
      [35.7565, 32.7453, 35.9259, 33.4237].forEach((v, i) => expect(zone.bbox[i]).toBeCloseTo(v, 3));
    });
  });

  describe("GET /api/layers/{id}", () => {
    it("answers a GeoJSON FeatureCollection whose features all have stable ids", async () => {
      const { status, type, body } = await get("/api/layers/levant-countries");
      expect(status).toBe(200);
      expect(type).toContain("application/geo+json");
      expect(body.type).toBe("FeatureCollection");
      expect(body.features.map((f: { id: string }) => f.id)).toEqual(["syria", "israel", "golan-heights", "lebanon", "jordan", "west-bank", "gaza-strip"]);
    });

    it("answers 404 with a message for an unknown layer", async () => {
      const { status, body } = await get("/api/layers/atlantis");
      expect(status).toBe(404);
      expect(body.error.message).toMatch(/no layer "atlantis"/);
    });
  });

  describe("GET /api/events", () => {
    it("answers every event as a Point with its fields", async () => {
      const { status, body } = await get("/api/events");
      expect(status).toBe(200);
      expect(body.features.length).toBe(13);
      const talks = body.features.find((f: { id: string }) => f.id === "paris-talks");
      expect(talks.geometry.type).toBe("Point");
      expect(talks.properties).toMatchObject({ type: "diplomacy", geoPrecision: "city", place: { layer: "paris", feature: "paris" } });
      expect(talks.properties.sources[0].quote).toMatch(/^Syria confirmed on Tuesday/);
    });

    it("filters by bbox, time window, types, text and layer together", async () => {
      const ids = async (q: string) => (await get(`/api/events?${q}`)).body.features.map((f: { id: string }) => f.id);
      expect(await ids("bbox=2,48,3,49")).toEqual(expect.arrayContaining(["paris-talks", "barrack-meets-tarif"]));
      expect(await ids("bbox=2,48,3,49")).not.toContain("israel-strikes-as-suwayda");
      // A span (Dec 2024 – Aug 2025) overlaps July, so it is in the window too.
      expect(await ids("from=2025-07-01&to=2025-07-31&types=strike")).toEqual(["israel-strikes-military-positions", "israel-strikes-as-suwayda"]);
      expect(await ids("q=druze&types=protest")).toEqual(["druze-demonstrations"]);
      expect(await ids("layer=as-suwayda")).toEqual(["as-suwayda-fighting", "israel-strikes-as-suwayda", "druze-demonstrations"]);
      expect(await ids("layer=golan-buffer-zone&from=2024-12-01")).toEqual(expect.arrayContaining(["israel-seizes-buffer-zone", "paris-talks"]));
    });

    it.each([
      ["bbox=1,2,3", "bbox", /four numbers/],
      ["bbox=0,50,10,40", "bbox", /south .* north/],
      ["from=2025-02-30", "from", /calendar date/],
      ["from=2025-08-01&to=2025-07-01", "to", /before/],
      ["types=strike,riot", "types", /unknown event type.*"riot"/],
      ["layer=atlantis", "layer", /unknown layer/],
      [`q=${"x".repeat(121)}`, "q", /at most 120/],
      ["from=2025-01-01&from=2025-02-01", "from", /given 2 times/],
    ])("answers 400 naming the parameter for %s", async (query, param, message) => {
      const { status, body } = await get(`/api/events?${query}`);
      expect(status).toBe(400);
      expect(body.error.param).toBe(param);
      expect(body.error.message).toMatch(message);
    });
  });

  describe("GET /api/articles", () => {
    it("lists every article, newest first, with its event count; q narrows on the title", async () => {
      const { status, body } = await get("/api/articles");
      expect(status).toBe(200);
      expect(body.articles).toEqual([expect.objectContaining({ id: "syria-israel-paris-talks-2025-08-20", published: "2025-08-20", eventCount: 13 })]);
      expect((await get("/api/articles?q=paris")).body.articles).toHaveLength(1);
      expect((await get("/api/articles?q=zzzz-no-such-title")).body.articles).toEqual([]);
    });

    it("answers 400 naming q when it is given twice", async () => {
      const { status, body } = await get("/api/articles?q=a&q=b");
      expect(status).toBe(400);
      expect(body.error.param).toBe("q");
    });
  });

  describe("GET /api/articles/{id}", () => {
    it("answers the article with its text and the character spans of its events", async () => {
      const { status, body } = await get("/api/articles/syria-israel-paris-talks-2025-08-20");
      expect(status).toBe(200);
      expect(body).toMatchObject({ published: "2025-08-20", language: "en", publisher: null });
      for (const span of body.spans) expect(body.text.slice(span.start, span.end)).toBe(span.quote);
      expect(new Set(body.spans.map((s: { event: string }) => s.event)).size).toBe(13);
    });

    it("answers 404 for an unknown article", async () => {
      const { status, body } = await get("/api/articles/nope");
      expect(status).toBe(404);
      expect(body.error.message).toMatch(/no article "nope"/);
    });
  });

  describe("GET /api/events for large sets", () => {
    it("answers one event by id, and a brief form without summary, actors or quotes", async () => {
      const one = await get("/api/events?id=paris-talks");
      expect(one.body.features.map((f: { id: string }) => f.id)).toEqual(["paris-talks"]);
      expect(one.body.features[0].properties.sources.length).toBe(5);
      const brief = await get("/api/events?detail=brief&types=strike");
      expect(brief.body.features.length).toBe(2);
      for (const f of brief.body.features) {
        expect(Object.keys(f.properties).sort()).toEqual(["aboutPlaces", "article", "geoPrecision", "id", "place", "time", "title", "type"]);
      }
      expect((await get("/api/events?detail=short")).body.error.param).toBe("detail");
      expect((await get("/api/events?id=Not%20An%20Id")).body.error.param).toBe("id");
    });

    it("answers the marker form the map draws: the same events and points, id, type, title and geo precision only", async () => {
      const full = await get("/api/events?layer=golan-buffer-zone");
      const markers = await get("/api/events?layer=golan-buffer-zone&detail=marker");
      expect(markers.body.features.map((f: { id: string }) => f.id)).toEqual(full.body.features.map((f: { id: string }) => f.id));
      markers.body.features.forEach((f: { properties: object; geometry: object }, i: number) => {
        // geoPrecision lets the map draw region- and country-level events apart from located ones.
        const { id, type, title, geoPrecision } = full.body.features[i].properties;
        expect(f.properties).toEqual({ id, type, title, geoPrecision });
        expect(f.geometry).toEqual(full.body.features[i].geometry);
      });
    });

    it("digests a filtered set: count, per type, per time span, the first rows and the article's events", async () => {
      const all = await get("/api/events?types=statement,diplomacy");
      const digest = await get("/api/events/digest?types=statement,diplomacy");
      expect(digest.body.count).toBe(all.body.features.length);
      const byType: Record<string, number> = {};
      for (const f of all.body.features) byType[f.properties.type] = (byType[f.properties.type] ?? 0) + 1;
      expect(digest.body.byType).toEqual(byType);
      expect(digest.body.times.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(all.body.features.length);
      expect(digest.body.rows.map((r: { id: string }) => r.id)).toEqual(all.body.features.map((f: { id: string }) => f.id));
      expect(digest.body.marked.sort()).toEqual(all.body.features.map((f: { id: string }) => f.id).sort());
      expect((await get("/api/events/digest?from=2025-13-01")).body.error.param).toBe("from");
    });
  });
}
