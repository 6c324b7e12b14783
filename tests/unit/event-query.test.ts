import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEventQuery, type IdLookup } from "@/lib/api/event-query";
import { ParamError } from "@/lib/api/responses";
import { EVENT_TYPES } from "@/lib/model/event-types";
import type { EventQuery } from "@/lib/model/event-query";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import { readView } from "@/lib/view/read-view";

/** One filter, three forms: the view URL, the query string the dashboard sends, and the API's reader. */
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const day = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const text = fc.string({ minLength: 1, maxLength: 120 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\s+/g, " ")).filter((s) => s.length > 0);
const coordinate = (max: number) => fc.integer({ min: -max * 1000, max: max * 1000 }).map((n) => n / 1000);

const query: fc.Arbitrary<EventQuery> = fc
  .record(
    {
      bbox: fc.tuple(coordinate(180), coordinate(90), coordinate(180), coordinate(90)).map(([w, a, e, b]) => [w, Math.min(a, b), e, Math.max(a, b)] as [number, number, number, number]),
      from: day,
      to: day,
      types: fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { minLength: 1 }),
      q: text,
      layer: slug,
      article: slug,
      id: slug,
    },
    { requiredKeys: [] },
  )
  .filter((q) => !(q.from && q.to && q.from > q.to));

const everything: IdLookup = { layer: async () => true, article: async () => true };
const nothing: IdLookup = { layer: async () => false, article: async () => false };

async function refusal(search: string, known = everything): Promise<ParamError> {
  try {
    await readEventQuery(new URLSearchParams(search), known);
  } catch (error) {
    if (error instanceof ParamError) return error;
    throw error;
  }
  throw new Error(`"${search}" was accepted`);
}

describe("the one event filter", () => {
  it("the API reads back every query string the dashboard writes", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const read = await readEventQuery(new URLSearchParams(eventQueryString(q)), everything);
        expect(read.query).toEqual(q);
      }),
      { numRuns: 500 },
    );
  });

  it("the view's filters and the API's are the same fields: a view's query string reads back as its filter", async () => {
    const { view } = readView({ from: "2025-07-01", to: "2025-08-31", types: "strike,protest", q: "  druze  protest ", layer: "as-suwayda", article: "a-1" }, {
      layers: new Set(["as-suwayda"]),
      events: new Set(),
      articles: new Set(["a-1"]),
    });
    const filter = viewEventQuery(view);
    // The article picks what the reader shows; it does not filter the view's events.
    expect(filter).toEqual({ from: "2025-07-01", to: "2025-08-31", types: ["strike", "protest"], q: "druze protest", layer: "as-suwayda" });
    expect((await readEventQuery(new URLSearchParams(eventQueryString(filter)), everything)).query).toEqual(filter);
  });

  it.each([
    ["from=2025-02-30", "from"],
    ["to=yesterday", "to"],
    ["types=strike,riot", "types"],
    ["layer=Not_A_Slug", "layer"],
    ["article=Not_A_Slug", "article"],
    [`q=${"x".repeat(121)}`, "q"],
  ])("a value the view drops with a notice is a 400 from the API with the same reason (%s)", async (search, param) => {
    const error = await refusal(search);
    expect(error.param).toBe(param);
    const { ignored } = readView(Object.fromEntries(new URLSearchParams(search)), { layers: new Set(), events: new Set(), articles: new Set() });
    const notice = ignored.find((i) => i.param === param);
    expect(notice, `the view ignores ${param}`).toBeDefined();
    expect(error.message).toContain(notice!.reason);
  });

  it("an inverted window is refused by both, with the same words", async () => {
    const error = await refusal("from=2025-08-01&to=2025-07-01");
    const { ignored } = readView({ from: "2025-08-01", to: "2025-07-01" }, { layers: new Set(), events: new Set(), articles: new Set() });
    expect(error).toMatchObject({ param: "to", message: ignored[0]!.reason });
  });

  it("unknown layers and articles are named", async () => {
    expect(await refusal("layer=atlantis", nothing)).toMatchObject({ param: "layer", message: expect.stringMatching(/unknown layer "atlantis"/) });
    expect(await refusal("article=atlantis", nothing)).toMatchObject({ param: "article", message: expect.stringMatching(/unknown article "atlantis"/) });
    expect(await refusal("bbox=1,2,3")).toMatchObject({ param: "bbox" });
    expect(await refusal("q=a&q=b")).toMatchObject({ param: "q", message: expect.stringMatching(/given 2 times/) });
  });
});
