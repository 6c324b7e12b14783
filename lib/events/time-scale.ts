import { dayFromNumber, dayNumber } from "./time-label";

/** A stretch of calendar days, both ends inclusive (as in EventTime). */
export type Interval = { start: string; end: string };
/** An empty stretch of time squeezed to a few pixels; `from`–`to` are the first and last days it hides. */
export type ScaleBreak = { x: number; width: number; from: string; to: string };
export type Tick = { x: number; label: string };

export type TimeScale = {
  width: number;
  /** First and last day on the axis, after padding. */
  domain: { start: string; end: string };
  /** Left edge of a day, in px from 0 to width (clamped). */
  x(day: string): number;
  /** Right edge of a day: where a span that ends on `day` stops. */
  xEnd(day: string): number;
  /** The day under a pixel. */
  invert(px: number): string;
  breaks: ScaleBreak[];
  ticks(): Tick[];
};

export type TimeScaleOptions = {
  /** Empty gaps longer than this (days) become breaks. */
  gapDays?: number;
  /** Pixel width of a break. */
  breakWidth?: number;
  /** No covered stretch gets fewer pixels than this, so a lone old event stays visible and labelled. */
  minSegmentWidth?: number;
  /** Least distance between tick labels, px. */
  tickSpacing?: number;
};

/** Stands in for the domain when there is nothing to show, so the scale still works. */
const EMPTY_DAY = "2000-01-01";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A piece of the axis: days [d0, d1) drawn over pixels [x0, x1]. */
type Piece = { d0: number; d1: number; x0: number; x1: number; isBreak: boolean };
type Cluster = { s: number; e: number; count: number };

/**
 * A horizontal time scale that gives room where the events are. Intervals closer than `gapDays`
 * form one linear segment; longer empty gaps (1974 → 2024) become fixed-width breaks. Segments
 * share the width by how many intervals they hold, not by how many days they last, so a single
 * old event does not push the recent, busy months into a corner.
 */
export function createTimeScale(intervals: Interval[], width: number, opts: TimeScaleOptions = {}): TimeScale {
  const gapDays = opts.gapDays ?? 365;
  const tickSpacing = opts.tickSpacing ?? 60;
  const w = Math.max(0, width);

  const clusters = clusterIntervals(intervals, gapDays).map(pad);
  const n = clusters.length;
  const breakWidth = n > 1 ? Math.min(opts.breakWidth ?? 24, w / (4 * n)) : 0;
  const available = w - (n - 1) * breakWidth;
  const minSeg = Math.min(opts.minSegmentWidth ?? 48, available / n);
  const total = clusters.reduce((sum, c) => sum + c.count, 0);

  const pieces: Piece[] = [];
  let at = 0;
  clusters.forEach((c, i) => {
    const prev = clusters[i - 1];
    if (prev) {
      pieces.push({ d0: prev.e, d1: c.s, x0: at, x1: at + breakWidth, isBreak: true });
      at += breakWidth;
    }
    const segWidth = minSeg + ((available - minSeg * n) * c.count) / total;
    // The last segment ends exactly at w, whatever rounding did.
    const x1 = i === n - 1 ? w : at + segWidth;
    pieces.push({ d0: c.s, d1: c.e, x0: at, x1, isBreak: false });
    at = x1;
  });

  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;

  const xOf = (d: number): number => {
    const day = Math.min(Math.max(d, first.d0), last.d1);
    const p = pieces.find((q) => day <= q.d1) ?? last;
    return p.x0 + ((day - p.d0) / (p.d1 - p.d0)) * (p.x1 - p.x0);
  };

  const invert = (px: number): string => {
    const x = Math.min(Math.max(px, 0), w);
    const p = pieces.find((q) => x <= q.x1) ?? last;
    const span = p.x1 - p.x0;
    const d = span > 0 ? p.d0 + ((x - p.x0) / span) * (p.d1 - p.d0) : p.d0;
    // A tiny epsilon so that invert(x(day)) lands on `day`, not the day before, despite float error.
    return dayFromNumber(Math.min(Math.floor(d + 1e-6), last.d1 - 1));
  };

  const breaks = pieces
    .filter((p) => p.isBreak)
    .map((p) => ({ x: (p.x0 + p.x1) / 2, width: p.x1 - p.x0, from: dayFromNumber(p.d0), to: dayFromNumber(p.d1 - 1) }));

  return {
    width: w,
    domain: { start: dayFromNumber(first.d0), end: dayFromNumber(last.d1 - 1) },
    x: (day) => xOf(dayNumber(day)),
    xEnd: (day) => xOf(dayNumber(day) + 1),
    invert,
    breaks,
    ticks: () => makeTicks(pieces, tickSpacing, xOf),
  };
}

function clusterIntervals(intervals: Interval[], gapDays: number): Cluster[] {
  const spans = intervals
    .map((i) => ({ s: dayNumber(i.start), e: dayNumber(i.end) + 1 }))
    .filter((i) => Number.isFinite(i.s) && Number.isFinite(i.e))
    .map((i) => ({ s: i.s, e: Math.max(i.e, i.s + 1) }))
    .sort((a, b) => a.s - b.s);
  if (spans.length === 0) {
    const d = dayNumber(EMPTY_DAY);
    return [{ s: d, e: d + 1, count: 1 }];
  }
  const clusters: Cluster[] = [];
  for (const span of spans) {
    const cur = clusters[clusters.length - 1];
    if (cur && span.s - cur.e <= gapDays) {
      cur.e = Math.max(cur.e, span.e);
      cur.count += 1;
    } else clusters.push({ ...span, count: 1 });
  }
  return clusters;
}

/** Some air at both ends so marks do not sit on the edge; capped well below gapDays/2 so padded clusters never meet. */
function pad(c: Cluster): Cluster {
  const p = Math.min(60, Math.max(3, Math.ceil((c.e - c.s) * 0.04)));
  return { s: c.s - p, e: c.e + p, count: c.count };
}

type Step = { unit: "day" | "month" | "year"; n: number };
const STEPS: Step[] = [
  { unit: "day", n: 1 },
  { unit: "day", n: 2 },
  { unit: "day", n: 7 },
  { unit: "day", n: 14 },
  ...[1, 2, 3, 6].map((n) => ({ unit: "month" as const, n })),
  ...[1, 2, 5, 10, 25, 50, 100].map((n) => ({ unit: "year" as const, n })),
];
const stepDays = (s: Step) => (s.unit === "day" ? s.n : s.unit === "month" ? 28 * s.n : 365 * s.n);

type RawTick = { day: number; x: number; unit: Step["unit"]; seg: number };

function makeTicks(pieces: Piece[], spacing: number, xOf: (d: number) => number): Tick[] {
  const raw: RawTick[] = [];
  pieces.forEach((p, seg) => {
    if (p.isBreak) return;
    const perDay = (p.x1 - p.x0) / (p.d1 - p.d0);
    // The finest step whose ticks are at least `spacing` apart; a very narrow segment takes the coarsest.
    const step = STEPS.find((s) => stepDays(s) * perDay >= spacing) ?? STEPS[STEPS.length - 1]!;
    // Labels start at their tick and run right, so a tick too near the segment's end would run into the break.
    const room = p.x1 - spacing * 0.6;
    const ticks = tickDays(p.d0, p.d1, step)
      .map((day) => ({ day, x: xOf(day), unit: step.unit, seg }))
      .filter((t) => t.x <= room);
    // A segment too short for any tick still says which year it is.
    if (ticks.length === 0) ticks.push({ day: Math.floor((p.d0 + p.d1) / 2), x: p.x0, unit: "year", seg });
    raw.push(...ticks);
  });

  const kept: RawTick[] = [];
  for (const t of raw) {
    const prev = kept[kept.length - 1];
    if (prev && t.x - prev.x < spacing * 0.8) continue;
    kept.push(t);
  }
  return kept.map((t, i) => ({ x: t.x, label: tickLabel(t, kept[i - 1]?.seg !== t.seg) }));
}

function tickDays(d0: number, d1: number, step: Step): number[] {
  const out: number[] = [];
  if (step.unit === "day") {
    for (let d = Math.ceil(d0 / step.n) * step.n; d < d1; d += step.n) out.push(d);
    return out;
  }
  const start = new Date(d0 * 86_400_000);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (step.unit === "year") {
    y = Math.ceil(y / step.n) * step.n;
    m = 0;
  }
  for (;;) {
    const d = Date.UTC(y, m, 1) / 86_400_000;
    if (d >= d1) break;
    if (d >= d0 && (step.unit === "year" || m % step.n === 0)) out.push(d);
    if (step.unit === "year") y += step.n;
    else if (++m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

function tickLabel(t: RawTick, firstInSegment: boolean): string {
  const [y, m, d] = dayFromNumber(t.day).split("-").map(Number) as [number, number, number];
  const mon = MONTHS[m - 1];
  if (t.unit === "year") return String(y);
  if (t.unit === "month") return firstInSegment || m === 1 ? `${mon} ${y}` : `${mon}`;
  return firstInSegment ? `${d} ${mon} ${y}` : `${d} ${mon}`;
}
