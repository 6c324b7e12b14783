import { describe, expect, it } from "vitest";
import { visualRuns } from "./bidi-runs";

describe("visualRuns", () => {
  it("leaves a Latin line whole", () => {
    expect(visualRuns("Paris talks, 19 Aug 2025")).toEqual([{ text: "Paris talks, 19 Aug 2025", rtl: false, script: "latin" }]);
  });
  it("puts a Hebrew phrase after Latin on the right, its words right to left", () => {
    const runs = visualRuns("Brief: שיחות פריז");
    expect(runs[0]).toEqual({ text: "Brief: ", rtl: false, script: "latin" });
    // Visual order: the second word is drawn left of the first.
    const hebrew = runs.filter((r) => r.script === "hebrew").map((r) => r.text);
    expect(hebrew).toEqual(["פריז", "שיחות"]);
    expect(runs.every((r) => r.script !== "hebrew" || r.rtl)).toBe(true);
  });
  it("keeps an Arabic word in logical order for shaping, marked right to left", () => {
    const runs = visualRuns("محادثات باريس");
    expect(runs.map((r) => r.text)).toEqual(["باريس", " ", "محادثات"]);
    expect(runs[0]).toMatchObject({ rtl: true, script: "arabic" });
  });
  it("keeps digits inside Arabic left to right", () => {
    const runs = visualRuns("عام 1974");
    expect(runs.find((r) => r.text.includes("1974"))).toMatchObject({ rtl: false });
  });
});
