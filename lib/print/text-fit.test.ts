import { describe, expect, it } from "vitest";
import { ellipsize, wrapText } from "./text-fit";

/** One mm per character: widths are easy to reason about. */
const measure = (text: string) => [...text].length;

describe("wrapText", () => {
  it("breaks at spaces within the width", () => {
    expect(wrapText("the quick brown fox jumps", 10, measure)).toEqual(["the quick", "brown fox", "jumps"]);
  });
  it("wraps a link longer than the line instead of letting it run off the sheet", () => {
    const link = "https://brief.example.org/?map=8/33/35.9&event=paris-talks";
    const lines = wrapText(`Open this view: ${link}`, 20, measure);
    expect(lines.every((l) => measure(l) <= 20)).toBe(true);
    expect(lines.join("").replace(/\s/g, "")).toBe(`Openthisview:${link}`);
  });
});

describe("ellipsize", () => {
  it("keeps a text that fits", () => {
    expect(ellipsize("Paris talks", 20, measure)).toBe("Paris talks");
  });
  it("cuts a long title with an ellipsis inside the width", () => {
    const cut = ellipsize("A very long title about the Golan buffer zone", 20, measure);
    expect(cut.endsWith("…")).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(20);
    expect(cut).toBe("A very long title a…");
  });
});
