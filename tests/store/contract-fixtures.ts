import type { Feature, FeatureCollection } from "geojson";
import type { BriefEvent } from "@/lib/model/schema";
import type { ArticleInput, DataSet, LayerInput } from "@/lib/store/store";

/**
 * Small, self-made data for the store's contract suite: two layers (an area and points), articles
 * whose events quote their own sentences at the right offsets. Every test builds what it needs.
 */

export const provenance = {
  source: "Drawn for the store's tests",
  licence: "CC0",
  attribution: "Briefmap tests",
  date: "2025-01-01",
  accuracy: "Invented shapes",
  approximate: false,
};

export function square(id: string, [w, s, e, n]: [number, number, number, number], properties: Record<string, unknown> = {}): Feature {
  return { type: "Feature", id, properties: { name: id, ...properties }, geometry: { type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

export function point(id: string, lonLat: [number, number], properties: Record<string, unknown> = {}): Feature {
  return { type: "Feature", id, properties: { name: id, ...properties }, geometry: { type: "Point", coordinates: lonLat } };
}

export function layer(id: string, features: Feature[], extra: Partial<LayerInput> = {}): LayerInput {
  const data: FeatureCollection = { type: "FeatureCollection", features };
  return {
    id,
    title: `Layer ${id}`,
    description: `Test layer ${id}`,
    role: "overlay",
    defaultVisible: true,
    order: 10,
    labelProperty: "name",
    style: { color: "#336699", dashed: false, fillOpacity: 0.2 },
    provenance,
    ...extra,
    data,
  };
}

/** An article made of sentences; `quote(i)` gives the i-th sentence as a source span. */
export function article(id: string, sentences: string[], extra: Partial<ArticleInput> = {}) {
  const text = sentences.join(" ");
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) {
    starts.push(at);
    at += s.length + 1;
  }
  const input: ArticleInput = { id, title: `Article ${id}`, publisher: "Test Wire", published: "2025-08-20", language: "en", text, ...extra };
  const quote = (i: number) => ({ start: starts[i]!, end: starts[i]! + sentences[i]!.length, quote: sentences[i]! });
  return { input, quote };
}

export type EventInit = Partial<BriefEvent> & Pick<BriefEvent, "id" | "article" | "sources">;

export function event(init: EventInit): BriefEvent {
  return {
    title: `Event ${init.id}`,
    summary: "What the sentence reports.",
    type: "statement",
    actors: ["Someone"],
    time: { phrase: "on 20 August", precision: "day", start: "2025-08-20", end: "2025-08-20", bound: "exact" },
    where: { name: "Somewhere", point: [35.5, 32.5] },
    about: [],
    geoPrecision: "exact",
    ...init,
  };
}

export const day = (d: string) => ({ phrase: d, precision: "day" as const, start: d, end: d, bound: "exact" as const });

/** A base world most tests start from. */
export function baseWorld() {
  const zone = layer("zone", [square("sq", [35, 32, 36, 33], { name: "Zone Square", name_ar: "المربع" })], { aliases: { sq: ["Quadrat", "Kvadrat"] } });
  const towns = layer("towns", [point("hamma", [35.7, 32.7], { name: "Al-Ḥamma" }), point("far", [10, 10], { name: "Faraway" })], { order: 20 });
  const a = article("a1", [
    "Officials met in Al-Ḥamma on Tuesday.",
    "A strike hit the square zone last month.",
    "Protesters gathered far away in 2024.",
    "The minister issued a statement about the border.",
    "Talks were held in Paris.",
  ]);
  const events: BriefEvent[] = [
    event({ id: "meeting", article: "a1", sources: [a.quote(0)], type: "diplomacy", title: "Officials meet", where: { layer: "towns", feature: "hamma" }, time: day("2025-08-19") }),
    event({
      id: "strike",
      article: "a1",
      sources: [a.quote(1)],
      type: "strike",
      title: "Strike in the zone",
      where: { name: "A field", point: [35.2, 32.2] },
      time: { phrase: "last month", precision: "month", start: "2025-07-01", end: "2025-07-31", bound: "exact" },
    }),
    event({
      id: "protest",
      article: "a1",
      sources: [a.quote(2)],
      type: "protest",
      title: "Protest far away",
      where: { layer: "towns", feature: "far" },
      time: { phrase: "in 2024", precision: "year", start: "2024-01-01", end: "2024-12-31", bound: "exact" },
    }),
    event({ id: "statement", article: "a1", sources: [a.quote(3)], type: "statement", title: "A statement", where: { name: "Capital", point: [35.5, 32.5] }, geoPrecision: "country", about: [{ layer: "zone", feature: "sq" }] }),
    event({ id: "talks", article: "a1", sources: [a.quote(4)], type: "diplomacy", title: "Talks in Paris", where: { name: "Paris", point: [2.35, 48.85] }, time: day("2025-08-18") }),
  ];
  const data: DataSet = { layers: [zone, towns], articles: [a.input], events };
  return { data, zone, towns, article: a, events };
}
