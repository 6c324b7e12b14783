import { beforeAll, describe, expect, it } from "vitest";
import { extractArticle, type Extraction } from "@/lib/ingest/pipeline";
import type { PlaceRef } from "@/lib/model/schema";
import type { LoadedEvent } from "@/lib/model/event";
import { curatedEvents, SEED_ID, seedContext } from "./ingest-fixture";

/**
 * Issue 12's measure: the pipeline on the seed article, its curated events set aside, must find every
 * curated event's place and time among its mentions, and draft at least 11 of the 13 (type, place, time).
 */
let extraction: Extraction;
let curated: LoadedEvent[];

const sameRef = (a: PlaceRef, b: PlaceRef) => ("layer" in a && "layer" in b ? a.layer === b.layer && a.feature === b.feature : JSON.stringify(a) === JSON.stringify(b));
const sameTime = (a: { start: string; end: string; precision: string }, b: { start: string; end: string; precision: string }) => a.start === b.start && a.end === b.end && a.precision === b.precision;

beforeAll(async () => {
  const context = await seedContext();
  curated = await curatedEvents();
  extraction = extractArticle({ id: "seed-draft", text: context.text, published: "2025-08-20" }, { layers: context.layers, gazetteer: context.gazetteer });
}, 60_000);

describe("the seed article, curated events removed", () => {
  it("has 13 curated events to compare with", () => {
    expect(curated).toHaveLength(13);
    expect(curated.every((e) => e.article === SEED_ID)).toBe(true);
  });

  it("finds every curated event's place among the place mentions", () => {
    const missing = curated.filter((e) => !extraction.places.some((p) => p.resolved?.layer && "layer" in e.where && p.resolved.layer === e.where.layer && p.resolved.feature === e.where.feature));
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it("finds every curated event's time among the date mentions (the publication date stands for undated ones)", () => {
    const missing = curated.filter((e) => {
      if (e.time.phrase.includes("no date given")) return !(e.time.start === "2025-08-20" && e.time.end === "2025-08-20");
      return !extraction.dates.some((d) => d.resolved && sameTime(d.resolved, e.time));
    });
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it("drafts at least 11 of the 13 curated events (same type, place and time)", () => {
    const matched = curated.filter((e) => extraction.drafts.some((d) => d.type === e.type && sameRef(d.where, e.where) && sameTime(d.time, e.time)));
    const misses = curated.filter((e) => !matched.includes(e)).map((e) => e.id);
    // The README's misses table lists these; keep both in step.
    expect(misses).toEqual(["ceasefire-agreement-1974"]);
    expect(matched.length).toBeGreaterThanOrEqual(11);
  });

  it("quotes each draft's sentence at its exact offsets and says which words decided it", () => {
    const context = extraction.sentences;
    expect(context.length).toBeGreaterThan(10);
    for (const d of extraction.drafts) {
      const [source] = d.sources;
      expect(source).toBeDefined();
      expect(extraction.sentences.some((s) => s.start === source!.start && s.text === source!.quote)).toBe(true);
      expect(d.review.cues.length).toBeGreaterThan(1);
      expect(d.review.confidence).toBeGreaterThan(0);
      expect(d.review.confidence).toBeLessThan(1);
    }
  });
});
