import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headlineOf } from "@/lib/model/event-headline";
import { syntheticEvents } from "@/lib/data/synthetic";
import { LIST_ROWS, serverDigest } from "@/lib/events/digest";
import { loadBriefData } from "@/lib/data/load";

describe("event digest", () => {
  it("counts every event once by type and by time span, and keeps the first rows in order as headlines", () => {
    const { events } = syntheticEvents(5_000, 7);
    const digest = serverDigest(events, "none");
    expect(digest.count).toBe(5_000);
    expect(Object.values(digest.byType).reduce((a, b) => a + b, 0)).toBe(5_000);
    for (const [type, n] of Object.entries(digest.byType)) expect(n).toBe(events.filter((e) => e.type === type).length);
    expect(digest.times.reduce((a, t) => a + t.count, 0)).toBe(5_000);
    const first = digest.times[0]!;
    expect(first.count).toBe(events.filter((e) => e.time.start === first.time.start && e.time.end === first.time.end && e.time.precision === first.time.precision).length);
    expect(digest.rows).toEqual(events.slice(0, LIST_ROWS).map(headlineOf));
    expect(digest.rows[0]).not.toHaveProperty("sources");
    expect(digest.marked).toEqual([]);
  });

  it("marks the events the named article reports, and only those", async () => {
    const data = await loadBriefData(join(import.meta.dirname, "..", "..", "data"));
    const article = data.articles[0]!.id;
    const { events: synthetic } = syntheticEvents(50, 1);
    const digest = serverDigest([...data.events, ...synthetic], article);
    expect(digest.marked.sort()).toEqual(data.events.filter((e) => e.article === article).map((e) => e.id).sort());
    expect(serverDigest([], article)).toEqual({ count: 0, byType: {}, times: [], rows: [], marked: [] });
  });
});
