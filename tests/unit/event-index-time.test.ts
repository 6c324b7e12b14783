import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayKey, TimeIndex } from "@/lib/events/index-time";

/** Any YYYY-MM-DD, calendar or not: the data's schema checks only the shape. */
const day = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const span = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

describe("dayKey", () => {
  it("orders days exactly as their strings compare", () => {
    fc.assert(fc.property(day, day, (a, b) => Math.sign(dayKey(a)! - dayKey(b)!) === (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("has no key for anything but YYYY-MM-DD", () => {
    expect(["2024-6-1", "", "2024-06-01T00:00", "yyyy-mm-dd"].map(dayKey)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("TimeIndex", () => {
  it("yields every span that overlaps a window, whatever the mix of span lengths", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (spans, from, to) => {
        const starts = Int32Array.from(spans, ([s]) => dayKey(s)!);
        const ends = Int32Array.from(spans, ([, e]) => dayKey(e)!);
        const index = new TimeIndex(starts, ends, new Uint8Array(spans.length).fill(1));
        const [fromKey, toKey] = [from === undefined ? undefined : dayKey(from), to === undefined ? undefined : dayKey(to)];
        const out: number[] = [];
        index.candidates(fromKey, toKey, out);
        const overlapping = spans.flatMap(([s, e], i) => ((!from || e >= from) && (!to || s <= to) ? [i] : []));
        expect(out.filter((i) => overlapping.includes(i)).sort((a, b) => a - b)).toEqual(overlapping);
        expect(index.count(fromKey, toKey)).toBe(out.length);
      }),
    );
  });

  it("leaves out positions without keys", () => {
    const index = new TimeIndex(Int32Array.of(20240101, 0), Int32Array.of(20240101, 0), Uint8Array.of(1, 0));
    const out: number[] = [];
    index.candidates(undefined, undefined, out);
    expect(out).toEqual([0]);
  });
});
