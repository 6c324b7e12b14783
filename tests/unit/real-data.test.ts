import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBriefData } from "@/lib/data/load";

describe("the data shipped in data/", () => {
  it("passes every rule and holds the required layers, the article and its events", async () => {
    const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
    expect(data.problems).toEqual([]);
    expect(data.layers.map((l) => l.manifest.id)).toEqual(expect.arrayContaining(["golan-buffer-zone", "as-suwayda", "paris"]));
    expect(data.articles.map((a) => [a.id, a.published])).toEqual([["syria-israel-paris-talks-2025-08-20", "2025-08-20"]]);
    expect(data.events.length).toBeGreaterThanOrEqual(10);
  });

  it("resolves the article's relative dates against its publication date", async () => {
    const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
    const time = (id: string) => data.events.find((e) => e.id === id)?.time;
    // Published Wednesday 2025-08-20: "on Tuesday" is the 19th, "last month" July, "in December" December 2024.
    expect(time("syria-confirms-paris-talks")).toMatchObject({ phrase: "on Tuesday", precision: "day", start: "2025-08-19", end: "2025-08-19" });
    expect(time("israel-strikes-as-suwayda")).toMatchObject({ phrase: "Last month", precision: "month", start: "2025-07-01", end: "2025-07-31" });
    expect(time("assad-overthrown")).toMatchObject({ phrase: "in December", precision: "month", start: "2024-12-01", end: "2024-12-31" });
    expect(time("ceasefire-agreement-1974")).toMatchObject({ precision: "year", start: "1974-01-01", end: "1974-12-31" });
  });
});
