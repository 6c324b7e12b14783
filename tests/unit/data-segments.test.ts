import { describe, expect, it } from "vitest";
import { segmentText } from "@/app/_components/article/segments";

const TEXT = "Talks on the decades-old ceasefire resumed in Paris.";
const at = (s: string) => TEXT.indexOf(s);

describe("the reader's segments of an article", () => {
  it("overlapping spans of two events keep every character, and no marked piece starts or ends with a space", () => {
    const spans = [
      { event: "a", start: at("Talks"), end: at("decades-old") + "decades-old".length },
      { event: "b", start: at("decades-old"), end: at(" resumed") },
    ];
    const segments = segmentText(TEXT, spans);
    expect(segments.map((s) => s.text).join("")).toBe(TEXT);
    for (const s of segments.filter((s) => s.events.length > 0)) expect(s.text).toBe(s.text.trim());
    expect(segments.map((s) => [s.text, s.events.join("+")])).toEqual([
      ["Talks on the", "a"],
      [" ", ""],
      ["decades-old", "a+b"],
      [" ", ""],
      ["ceasefire", "b"],
      [" resumed in Paris.", ""],
    ]);
  });

  it("offsets of each segment are those of the text", () => {
    const segments = segmentText(TEXT, [{ event: "a", start: 5, end: 30 }, { event: "b", start: 9, end: 13 }]);
    for (const s of segments) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });
});
