import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextIndex } from "@/lib/events/index-text";

/** Few letters, so that needles often occur, and often across the joins between texts. */
const text = fc.string({ unit: fc.constantFrom("a", "b", "\n", " ", "é"), maxLength: 12 });

describe("TextIndex", () => {
  it("finds, in order, exactly the texts that contain the needle", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), text.filter((n) => n !== ""), (texts, needle) => {
        const expected = texts.flatMap((t, i) => (t.includes(needle) ? [i] : []));
        expect(new TextIndex(texts).containing(needle)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("never matches across two texts", () => {
    expect(new TextIndex(["ab", "cd"]).containing("bc")).toEqual([]);
    expect(new TextIndex(["ab", "cd", "abcd"]).containing("bc")).toEqual([2]);
  });

  it("leaves a needle holding its separator, or an empty one, to the per-event test", () => {
    expect(new TextIndex(["a\u0000b"]).containing("a\u0000b")).toBeUndefined();
    expect(new TextIndex(["a"]).containing("")).toBeUndefined();
  });
});
