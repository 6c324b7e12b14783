import { describe, expect, it } from "vitest";
import { createTimeScale, type Interval } from "./time-scale";
import { dayFromNumber, dayNumber } from "./time-label";

const day = (d: string): Interval => ({ start: d, end: d });

/** Shaped like the Paris-talks article: one event in 1974, the rest from Dec 2024 to Aug 2025. */
const ARTICLE: Interval[] = [
  { start: "1974-01-01", end: "1974-12-31" },
  { start: "2024-12-01", end: "2024-12-31" },
  { start: "2024-12-01", end: "2025-08-20" },
  { start: "2024-12-01", end: "2025-08-20" },
  { start: "2025-07-01", end: "2025-07-31" },
  { start: "2025-07-01", end: "2025-07-31" },
  { start: "2025-07-01", end: "2025-08-20" },
  day("2025-08-19"),
  day("2025-08-19"),
  day("2025-08-19"),
  day("2025-08-20"),
  day("2025-08-20"),
  day("2025-08-20"),
];

const daysBetween = (a: string, b: string) => {
  const out: string[] = [];
  for (let n = dayNumber(a); n <= dayNumber(b); n++) out.push(dayFromNumber(n));
  return out;
};

describe("createTimeScale", () => {
  it("is monotonic across the whole domain, breaks included", () => {
    const s = createTimeScale(ARTICLE, 800);
    let prev = -Infinity;
    for (let n = dayNumber(s.domain.start); n <= dayNumber(s.domain.end); n += 3) {
      const x = s.x(dayFromNumber(n));
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
    expect(s.x(s.domain.start)).toBe(0);
    expect(s.xEnd(s.domain.end)).toBeCloseTo(800);
  });

  it("inverts x back to the same day (±1) outside breaks", () => {
    const s = createTimeScale(ARTICLE, 800);
    for (const d of [...daysBetween("1974-01-01", "1974-12-31"), ...daysBetween("2024-12-01", "2025-08-20")]) {
      expect(Math.abs(dayNumber(s.invert(s.x(d))) - dayNumber(d))).toBeLessThanOrEqual(1);
      // The middle of a day maps back to that very day.
      expect(s.invert((s.x(d) + s.xEnd(d)) / 2)).toBe(d);
    }
  });

  it("breaks the 1974 → 2024 gap once and gives most of the width to 2024–25", () => {
    const s = createTimeScale(ARTICLE, 800);
    expect(s.breaks).toHaveLength(1);
    const b = s.breaks[0]!;
    expect(b.from < "1975-02-01").toBe(true);
    expect(b.to > "2024-10-01").toBe(true);
    expect(b.width).toBeLessThanOrEqual(24);
    const recent = s.xEnd("2025-08-20") - s.x("2024-12-01");
    expect(recent).toBeGreaterThan(0.75 * 800);
    expect(s.x("1974-12-31")).toBeLessThan(b.x);
    expect(s.x("2024-12-01")).toBeGreaterThan(b.x);
  });

  it("keeps gaps under a year linear, without breaks", () => {
    const s = createTimeScale([day("2025-01-01"), day("2025-06-01")], 600);
    expect(s.breaks).toHaveLength(0);
    const perDay = (s.x("2025-03-01") - s.x("2025-02-01")) / 28;
    expect(s.x("2025-05-01") - s.x("2025-04-01")).toBeCloseTo(perDay * 30);
  });

  it("handles single-day data and no data without dividing by zero", () => {
    for (const s of [createTimeScale([day("2025-08-20")], 800), createTimeScale([], 800), createTimeScale([day("2025-08-20")], 0)]) {
      const xs = [s.x(s.domain.start), s.x(s.domain.end), s.xEnd(s.domain.end), ...s.ticks().map((t) => t.x)];
      for (const x of xs) expect(Number.isFinite(x)).toBe(true);
      expect(s.invert(s.width / 2)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const s = createTimeScale([day("2025-08-20")], 800);
    expect(s.x("2025-08-20")).toBeGreaterThan(0);
    expect(s.xEnd("2025-08-20")).toBeLessThan(800);
  });

  it("clamps days and pixels outside the domain", () => {
    const s = createTimeScale(ARTICLE, 800);
    expect(s.x("1900-01-01")).toBe(0);
    expect(s.x("2100-01-01")).toBe(800);
    expect(s.invert(-50)).toBe(s.domain.start);
    expect(s.invert(5000)).toBe(s.domain.end);
  });

  it("labels months when months have room, years when they do not", () => {
    const months = createTimeScale(ARTICLE, 800).ticks();
    expect(months.map((t) => t.label)).toEqual(expect.arrayContaining(["1974", "Jan 2025", "Jul"]));
    const years = createTimeScale([day("2000-06-01"), day("2009-06-01")].concat(daysBetween("2000-06-01", "2009-06-01").filter((_, i) => i % 300 === 0).map(day)), 800).ticks();
    expect(years.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    for (const ticks of [months, years]) {
      ticks.slice(1).forEach((t, i) => expect(t.x - ticks[i]!.x).toBeGreaterThanOrEqual(48));
    }
  });
});
