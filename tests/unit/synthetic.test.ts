import { describe, expect, it } from "vitest";
import { eventSchema } from "@/lib/model/schema";
import { syntheticEvents } from "@/lib/data/synthetic";

describe("the synthetic event set", () => {
  it("is the same for the same seed and different for another", () => {
    const a = syntheticEvents(50, 7).events.map((e) => [e.place.point, e.type, e.time.start]);
    expect(syntheticEvents(50, 7).events.map((e) => [e.place.point, e.type, e.time.start])).toEqual(a);
    expect(syntheticEvents(50, 8).events.map((e) => [e.place.point, e.type, e.time.start])).not.toEqual(a);
  });

  it("keeps every rule of real events: schema, quotes at their offsets, under its own article", () => {
    const { article, events } = syntheticEvents(2000, 1);
    expect(article.title).toMatch(/not real data/);
    for (const e of events) {
      expect(eventSchema.safeParse(e).success).toBe(true);
      expect(e.article).toBe(article.id);
      for (const s of e.sources) expect(article.text.slice(s.start, s.end)).toBe(s.quote);
    }
  });
});
