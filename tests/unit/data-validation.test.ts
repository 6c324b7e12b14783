import { afterEach, describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";
import type { DataRule } from "@/lib/model/problem";
import { baseWith } from "./data-fixture";

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
  ["coordinates-out-of-range.geojson", "coordinates-out-of-range", "square", /coordinates\[0\]\[1\] is \[236, 32\]/],
  ["coordinates-not-finite.geojson", "coordinates-not-finite", "square", /coordinates\[0\]\[1\] is \[36, Infinity\]/],
  ["self-intersection.geojson", "self-intersection", "square", /first at \[35.5, 32.5\]/],
  ["wrong-winding.geojson", "wrong-winding", "square", /clockwise; RFC 7946 wants exterior rings counter-clockwise/],
  ["too-few-positions.geojson", "too-few-positions", "square", /1 position\(s\), at least 2/],
  ["missing-feature-id.geojson", "missing-feature-id", "features[0]", /needs a string id/],
  ["duplicate-id.geojson", "duplicate-id", "square", /"square" is used more than once/],
];

describe("a broken layer file", () => {
  it.each(geometryCases)("%s is reported as %s with file and feature, and the other layers still load", async (fixture, rule, item, says) => {
    const data = await loadWith(fixture, "geo/zone.geojson");
    const problem = data.problems.find((p) => p.rule === rule);
    expect(problem, JSON.stringify(data.problems)).toBeDefined();
    expect(problem).toMatchObject({ file: "geo/zone.geojson", ...(item ? { item } : {}) });
    expect(problem!.message).toMatch(says);
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["towns"]);
    expect(data.unavailable).toEqual([expect.objectContaining({ id: "zone", file: "geo/zone.layer.json" })]);
    expect(data.unavailable[0]!.problems.join(" ")).toMatch(says);
  });

  it("a manifest that breaks the schema names each field", async () => {
    const data = await loadWith("schema.layer.json", "geo/zone.layer.json");
    const messages = data.problems.filter((p) => p.file === "geo/zone.layer.json" && p.rule === "schema").map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^title: /), expect.stringMatching(/^style\.color: /), expect.stringMatching(/^description: /)]));
    expect(data.layers.map((l) => l.manifest.id)).toEqual(["towns"]);
  });
});

const eventCases: [fixture: string, rule: DataRule, item: string, says: RegExp, kept: string[]][] = [
  ["unknown-reference.events.json", "unknown-reference", "meeting", /where names feature "atlantis" of layer "towns"/, ["entry"]],
  ["quote-not-in-article.events.json", "quote-not-in-article", "entry", /“Troops left the Square\.” does not occur/, ["meeting"]],
  ["offsets-mismatch.events.json", "offsets-mismatch", "entry", /offsets 40-77 hold .*the quote starts at 37/, ["meeting"]],
  ["duplicate-event-id.events.json", "duplicate-id", "meeting", /already used/, ["meeting"]],
  ["event-schema.events.json", "schema", "entry", /^type: /, ["meeting"]],
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
