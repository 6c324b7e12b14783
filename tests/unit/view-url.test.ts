import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/model/schema";
import { parseCamera, roundCamera, serializeCamera } from "@/lib/view/camera";
import { readView } from "@/lib/view/read-view";
import { serializeView, viewParsers, type View } from "@/lib/view/view";

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const day = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const camera = fc
  .record({
    zoom: fc.double({ min: 0, max: 22, noNaN: true }),
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    bearing: fc.double({ min: -179, max: 179, noNaN: true }),
    pitch: fc.double({ min: 0, max: 85, noNaN: true }),
  })
  .map(roundCamera);
const view: fc.Arbitrary<View> = fc.record({
  map: fc.option(camera, { nil: null }),
  layers: fc.option(fc.uniqueArray(slug, { maxLength: 6 }), { nil: null }),
  event: fc.option(slug, { nil: null }),
  from: fc.option(day, { nil: null }),
  to: fc.option(day, { nil: null }),
  types: fc.option(fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { minLength: 1 }), { nil: null }),
  q: fc.option(fc.string({ minLength: 1, maxLength: 120 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\s+/g, " ")).filter((s) => s.length > 0), { nil: null }),
  layer: fc.option(slug, { nil: null }),
  article: fc.option(slug, { nil: null }),
  feature: fc.option(fc.record({ layer: slug, id: slug }), { nil: null }),
});

/** Reads a serialized view back as the server does, knowing every id in it. */
function roundTrip(v: View): View {
  const search = Object.fromEntries(new URLSearchParams(serializeView(v)));
  const known = {
    layers: new Set([...(v.layers ?? []), ...(v.layer ? [v.layer] : []), ...(v.feature ? [v.feature.layer] : [])]),
    events: new Set(v.event ? [v.event] : []),
    articles: new Set(v.article ? [v.article] : []),
  };
  return readView(search, known).view;
}

describe("the view URL", () => {
  it("reads back every view it writes (parse ∘ serialize = identity)", () => {
    fc.assert(
      fc.property(view, (v) => {
        // A window that ends before it starts is the one thing reading drops on purpose.
        const expected = v.from && v.to && v.from > v.to ? { ...v, to: null } : v;
        expect(roundTrip(v)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws, whatever the query", () => {
    const anyValue = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.array(fc.string(), { maxLength: 3 }));
    const keys = fc.constantFrom("map", "layers", "event", "from", "to", "types", "q", "layer", "article", "feature", "other");
    fc.assert(
      fc.property(fc.dictionary(keys, anyValue), (search) => {
        const { view, ignored } = readView(search, { layers: new Set(["paris"]), events: new Set(["paris-talks"]), articles: new Set(["a-2025"]) });
        expect(typeof view).toBe("object");
        expect(Array.isArray(ignored)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const parser of Object.values(viewParsers)) {
      fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void parser.parse(s)), { numRuns: 1000 });
    }
  });

  it("rounds the camera so that the same view gives the same link", () => {
    expect(serializeCamera({ zoom: 7.12345, lat: 33.123456789, lon: 35.987654321, bearing: 0.2, pitch: 0 })).toBe("7.12/33.123/35.988");
    expect(serializeCamera({ zoom: 12, lat: 48.8566, lon: 2.3522, bearing: -30.4, pitch: 45.6 })).toBe("12/48.8566/2.3522/-30/46");
    expect(parseCamera("7.12/33.123/35.988")).toEqual({ zoom: 7.12, lat: 33.123, lon: 35.988, bearing: 0, pitch: 0 });
  });

  it("drops what it cannot apply, says why, and applies the rest", () => {
    const { view, ignored } = readView(
      { map: "99/1/2", layers: "paris,atlantis", event: "nope", from: "2025-02-30", to: "2025-08-01", types: "strike,riot", q: "druze", article: "gone" },
      { layers: new Set(["paris"]), events: new Set(["paris-talks"]), articles: new Set(["a-2025"]) },
    );
    expect(view).toMatchObject({ map: null, layers: ["paris"], event: null, from: null, to: "2025-08-01", types: ["strike"], q: "druze", article: null });
    expect(ignored.map((i) => i.param).sort()).toEqual(["article", "event", "from", "layers", "map", "types"]);
    expect(ignored.find((i) => i.param === "event")?.reason).toMatch(/no such event/);
    expect(ignored.find((i) => i.param === "article")?.reason).toMatch(/no such article/);
  });

  it("keeps an article the store holds, and says why a malformed one is dropped", () => {
    const known = { layers: new Set<string>(), events: new Set<string>(), articles: new Set(["a-2025"]) };
    expect(readView({ article: "a-2025" }, known)).toEqual({ view: expect.objectContaining({ article: "a-2025" }), ignored: [] });
    expect(readView({ article: "Not An Id!" }, known).ignored).toEqual([{ param: "article", value: "Not An Id!", reason: "not an article id" }]);
  });
});

describe("links the interface can produce", () => {
  it("stay under 2,000 characters, whatever the analyst types or picks", async () => {
    const { loadBriefData } = await import("@/lib/data/load");
    const data = await loadBriefData(new URL("../../data", import.meta.url).pathname);
    const layerIds = data.layers.map((l) => l.manifest.id);
    const eventIds = data.events.map((e) => e.id);
    // The worst text: the longest query accepted, in characters that percent-encode to 12 bytes each.
    const anyText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }).map((s) => s.trim()).filter(Boolean);
    const uiView = fc.record({
      map: fc.option(camera, { nil: null }),
      layers: fc.option(fc.subarray(layerIds), { nil: null }),
      event: fc.option(fc.constantFrom(...eventIds), { nil: null }),
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
      types: fc.option(fc.subarray([...EVENT_TYPES], { minLength: 1 }), { nil: null }),
      q: fc.option(fc.oneof(anyText, fc.constant("😀".repeat(120))), { nil: null }),
      layer: fc.option(fc.constantFrom(...layerIds), { nil: null }),
      article: fc.option(fc.constantFrom(...data.articles.map((a) => a.id)), { nil: null }),
    });
    fc.assert(fc.property(uiView, (v) => void expect(`https://briefmap.example.org/${serializeView(v)}`.length).toBeLessThan(2000)), { numRuns: 2000 });
  });
});

describe("the feature parameter", () => {
  const known = { layers: new Set(["places"]), events: new Set<string>(), articles: new Set<string>() };
  it("names a picked feature as layer/id and reads it back", () => {
    expect(serializeView({ feature: { layer: "places", id: "al-suwayda" } })).toBe("?feature=places/al-suwayda");
    expect(readView({ feature: "places/al-suwayda" }, known).view.feature).toEqual({ layer: "places", id: "al-suwayda" });
  });
  it("drops a malformed or unknown-layer feature and says so", () => {
    for (const value of ["places", "places/", "places/a/b", "Places/x", "nowhere/x"]) {
      const { view, ignored } = readView({ feature: value }, known);
      expect(view.feature, value).toBeNull();
      expect(ignored.map((i) => i.param), value).toEqual(["feature"]);
    }
  });
});
