import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Polygon } from "geojson";
import { afterEach, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import type { DataRule } from "@/lib/model/problem";
import { baseWith, FIXTURES } from "./data-fixture";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function loadWith(fixture: string, as: string) {
  const base = baseWith({ fixture, as });
  cleanup = base.cleanup;
  return loadBriefData(base.dir);
}

describe("the valid base fixture", () => {
  it("loads every layer, the article and both events with no problem", async () => {
    const base = baseWith();
    cleanup = base.cleanup;
    const data = await loadBriefData(base.dir);
    expect(data.problems).toEqual([]);
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["zone", "towns"]);
    expect(data.events.map((e) => e.id)).toEqual(["entry", "meeting"]);
    expect(data.events[1]?.place).toMatchObject({ name: "Far Town", layer: "towns", feature: "far-town", point: [2.35, 48.85] });
  });
});

// Each broken geometry file replaces the zone layer; the towns layer must still be served.
const geometryCases: [fixture: string, rule: DataRule, item: string, says: RegExp][] = [
  ["invalid-json.geojson", "invalid-json", "", /not valid JSON/],
  ["not-a-feature-collection.geojson", "not-a-feature-collection", "", /FeatureCollection/],
  ["unclosed-ring.geojson", "unclosed-ring", "square", /coordinates\[0\] starts at \[35, 32\] but ends at \[35.1, 32\]/],
  ["unclosed-ring-height.geojson", "unclosed-ring", "square", /starts at \[35, 32, 0\] but ends at \[35, 32, 100\]/],
  ["coordinates-out-of-range.geojson", "coordinates-out-of-range", "square", /coordinates\[0\]\[1\] is \[236, 32\]/],
  ["coordinates-not-finite.geojson", "coordinates-not-finite", "square", /coordinates\[0\]\[1\] is \[36, Infinity\]/],
  ["position-null.geojson", "coordinates-not-finite", "square", /coordinates\[0\]\[1\] is \[36, null\]/],
  ["position-string.geojson", "coordinates-not-finite", "square", /coordinates\[0\]\[1\] is \[36, 32, "high"\]/],
  ["self-intersection.geojson", "self-intersection", "square", /first at \[35.5, 32.5\]/],
  ["retraced-ring.geojson", "self-intersection", "square", /ring coordinates\[0\] runs back along its own edge from \[36, 32.5\]/],
  ["too-few-positions.geojson", "too-few-positions", "square", /1 position\(s\), at least 2/],
  ["missing-feature-id.geojson", "missing-feature-id", "features[0]", /needs a string id/],
  ["duplicate-id.geojson", "duplicate-id", "square", /"square" is used more than once/],
  ["properties-array.geojson", "schema", "square", /properties is an array: RFC 7946 wants an object or null/],
  ["bbox-string.geojson", "invalid-bbox", "", /the FeatureCollection's bbox is "35,32,36,33": RFC 7946 wants an array of 4/],
  ["bbox-five-numbers.geojson", "invalid-bbox", "square", /the feature's bbox is \[35,32,36,33,0\]/],
  ["foreign-member-feature.geojson", "foreign-member", "square", /feature has a "coordinates" member/],
  ["foreign-member-geometry.geojson", "foreign-member", "square", /geometry has a "properties" member/],
  ["empty-layer.geojson", "empty-layer", "", /has no features/],
  ["deep-properties.geojson", "too-deep", "square", /properties nest deeper than 64 levels/],
  ["deep-json.geojson", "too-deep", "", /nest deeper than 100 levels at character \d+/],
  ["invalid-utf8.geojson", "invalid-utf8", "", /invalid UTF-8 at byte 127/],
];

describe("a broken layer file", () => {
  it.each(geometryCases)("%s is reported as %s with file and feature, and the other layers still load", async (fixture, rule, item, says) => {
    const data = await loadWith(fixture, "geo/zone.geojson");
    const problem = data.problems.find((p) => p.rule === rule);
    expect(problem, JSON.stringify(data.problems)).toBeDefined();
    expect(problem).toMatchObject({ file: "geo/zone.geojson", ...(item ? { item } : {}) });
    expect(problem!.message).toMatch(says);
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["towns"]);
    // The unavailable entry names the broken .geojson, keeps the manifest's title and says which rule.
    expect(data.unavailable).toEqual([expect.objectContaining({ id: "zone", title: "Zone", file: "geo/zone.geojson" })]);
    expect(data.unavailable[0]!.problems.join(" ")).toMatch(says);
    expect(data.unavailable[0]!.problems.join(" ")).toContain(`${rule}: `);
  });

  it("a manifest that breaks the schema names each field", async () => {
    const data = await loadWith("schema.layer.json", "geo/zone.layer.json");
    const messages = data.problems.filter((p) => p.file === "geo/zone.layer.json" && p.rule === "schema").map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^title: /), expect.stringMatching(/^style\.color: /), expect.stringMatching(/^description: /)]));
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["towns"]);
    expect(data.unavailable).toEqual([expect.objectContaining({ id: "zone", file: "geo/zone.layer.json" })]);
  });

  it("an event about a feature of the broken layer keeps its place and loses only that reference, which is reported", async () => {
    const data = await loadWith("invalid-json.geojson", "geo/zone.geojson");
    expect(data.events.map((e) => e.id)).toEqual(["entry", "meeting"]);
    const meeting = data.events.find((e) => e.id === "meeting")!;
    expect(meeting.place).toMatchObject({ layer: "towns", feature: "far-town" });
    expect(meeting.aboutPlaces).toEqual([]);
    const dropped = data.problems.find((p) => p.rule === "unknown-reference");
    expect(dropped).toMatchObject({ file: "articles/sample.events.json", item: "meeting" });
    expect(dropped!.message).toMatch(/about\[0\] names feature "square" of layer "zone", which is unavailable .*dropped, the event is kept/);
  });
});

/** Files the loader repairs or partly ignores: the layer is served, and a note says what changed. */
describe("a layer file that is served with a note", () => {
  it("rings wound clockwise are rewound counter-clockwise and noted as wrong-winding", async () => {
    const data = await loadWith("wrong-winding.geojson", "geo/zone.geojson");
    expect(data.problems).toEqual([expect.objectContaining({ file: "geo/zone.geojson", item: "square", rule: "wrong-winding", message: expect.stringMatching(/rewound/) })]);
    expect(data.unavailable).toEqual([]);
    const zone = data.layers.find((l) => l.manifest.id === "zone")!;
    const ring = (zone.data.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring).toEqual([[35, 32], [36, 32], [36, 33], [35, 33], [35, 32]]);
  });

  it("a wrong bbox is ignored with a note: the layer's bbox comes from its coordinates, and no given bbox is served", async () => {
    const data = await loadWith("wrong-bbox.geojson", "geo/zone.geojson");
    expect(data.problems.map((p) => p.rule)).toEqual(["wrong-bbox", "wrong-bbox"]);
    expect(data.problems[0]!.message).toMatch(/\[0, 0, 1, 1\] does not match its coordinates \[35, 32, 36, 33\]; it was ignored/);
    const zone = data.layers.find((l) => l.manifest.id === "zone")!;
    expect(zone.summary.bbox).toEqual([35, 32, 36, 33]);
    expect(JSON.stringify(zone.data)).not.toContain("bbox");
  });

  it("a byte-order mark at the start of a .geojson and a .layer.json is accepted", async () => {
    const base = baseWith({ fixture: "bom.geojson", as: "geo/zone.geojson" });
    cleanup = base.cleanup;
    cpSync(join(FIXTURES, "bad", "bom.layer.json"), join(base.dir, "geo/zone.layer.json"));
    const data = await loadBriefData(base.dir);
    expect(data.problems).toEqual([]);
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["zone", "towns"]);
  });

  it("an empty layer is never served with a bbox of nulls", async () => {
    const data = await loadWith("empty-layer.geojson", "geo/zone.geojson");
    for (const layer of data.layers) expect(layer.summary.bbox.every(Number.isFinite)).toBe(true);
  });
});

describe("an article's text", () => {
  it("with a byte-order mark keeps every event and names the mark in a note", async () => {
    const data = await loadWith("bom.txt", "articles/sample.txt");
    expect(data.problems).toEqual([expect.objectContaining({ file: "articles/sample.txt", rule: "byte-order-mark", message: expect.stringMatching(/byte-order mark \(U\+FEFF\)/) })]);
    expect(data.events.map((e) => e.id)).toEqual(["entry", "meeting"]);
    expect(data.articles[0]!.text.startsWith("On Monday")).toBe(true);
  });

  it("with a byte-order mark counted in the offsets has them moved back by one", async () => {
    const base = baseWith({ fixture: "bom.txt", as: "articles/sample.txt" });
    cleanup = base.cleanup;
    const file = join(base.dir, "articles/sample.events.json");
    const events = JSON.parse(readFileSync(file, "utf8"));
    for (const e of events.events) for (const s of e.sources) Object.assign(s, { start: s.start + 1, end: s.end + 1 });
    writeFileSync(file, JSON.stringify(events));
    const data = await loadBriefData(base.dir);
    expect(data.problems.map((p) => p.rule)).toEqual(["byte-order-mark"]);
    const text = data.articles[0]!.text;
    for (const e of data.events) for (const s of e.sources) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("an impossible publication date (2025-02-30) refuses the article", async () => {
    const data = await loadWith("impossible-published.article.json", "articles/sample.article.json");
    expect(data.problems).toEqual([expect.objectContaining({ file: "articles/sample.article.json", rule: "schema", message: expect.stringMatching(/^published: not a real calendar date/) })]);
    expect(data.articles).toEqual([]);
  });
});

const eventCases: [fixture: string, rule: DataRule, item: string, says: RegExp, kept: string[]][] = [
  ["unknown-reference.events.json", "unknown-reference", "meeting", /where names feature "atlantis" of layer "towns"/, ["entry"]],
  ["quote-not-in-article.events.json", "quote-not-in-article", "entry", /“Troops left the Square\.” does not occur/, ["meeting"]],
  ["offsets-mismatch.events.json", "offsets-mismatch", "entry", /offsets 40-77 hold .*the quote starts at 37/, ["meeting"]],
  ["duplicate-event-id.events.json", "duplicate-id", "meeting", /already used/, ["meeting"]],
  ["event-schema.events.json", "schema", "entry", /^type: /, ["meeting"]],
  ["impossible-date.events.json", "schema", "entry", /^time\.start: not a real calendar date/, ["meeting"]],
  ["overlapping-quotes.events.json", "overlapping-quotes", "entry", /sources\[0\] \(37-74\) and sources\[1\] \(48-74\) overlap/, ["meeting"]],
];

describe("a broken event", () => {
  it.each(eventCases)("%s is reported as %s naming the event, and the other events stay", async (fixture, rule, item, says, kept) => {
    const data = await loadWith(fixture, "articles/sample.events.json");
    const problem = data.problems.find((p) => p.rule === rule);
    expect(problem, JSON.stringify(data.problems)).toMatchObject({ file: "articles/sample.events.json", item });
    expect(problem!.message).toMatch(says);
    expect(data.events.map((e) => e.id)).toEqual(kept);
  });
});

describe("many notes of one kind", () => {
  it("a layer wound clockwise throughout gives one wrong-winding note that counts the features", async () => {
    const base = baseWith();
    cleanup = base.cleanup;
    const ring = [[35, 32], [35, 33], [36, 33], [36, 32], [35, 32]];
    const features = Array.from({ length: 10 }, (_, i) => ({ type: "Feature", id: i === 0 ? "square" : `f${i}`, properties: {}, geometry: { type: "Polygon", coordinates: [ring] } }));
    writeFileSync(join(base.dir, "geo/zone.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
    const data = await loadBriefData(base.dir);
    expect(data.problems).toEqual([expect.objectContaining({ file: "geo/zone.geojson", rule: "wrong-winding", message: expect.stringMatching(/^10 features, the first square: rings were rewound/) })]);
    expect(data.layers.find((l) => l.manifest.id === "zone")?.summary.featureCount).toBe(10);
  });
});
