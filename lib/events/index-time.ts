/**
 * Day keys and a time index over events' spans.
 *
 * A day written YYYY-MM-DD becomes the integer YYYYMMDD. Both have the same fixed width, so the
 * integers order exactly as the strings do, and `end >= from` on keys means the same as on the
 * strings `filterEvents` compares, for any digits (even a day that is not on the calendar).
 */
export function dayKey(day: string): number | undefined {
  if (!DAY.test(day)) return undefined;
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Events whose spans are alike in length, ordered by start. */
type SpanClass = {
  /** Start keys, ascending. */
  starts: Int32Array;
  /** Positions of the events in the data, in the order of `starts`. */
  positions: Uint32Array;
  /** The longest span in the class, in key units. */
  longest: number;
};

/**
 * Finds the events whose span overlaps a window [from, to] without looking at the others.
 *
 * Sorted by start, `start <= to` is a prefix. `end >= from` is no range of that order, but an
 * event no longer than L that ends on or after `from` starts on or after `from - L`. One L for
 * all would let a single year-long event widen every window by a year, so events are grouped by
 * span length (powers of two) and each group searched with its own L; the candidates it yields
 * are then checked on `end` exactly.
 */
export class TimeIndex {
  private readonly classes: SpanClass[];

  /** `starts[i]`/`ends[i]`: keys of the event at position i; positions without keys are left out. */
  constructor(starts: Int32Array, ends: Int32Array, keyed: Uint8Array) {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < starts.length; i++) {
      if (!keyed[i]) continue;
      const group = Math.ceil(Math.log2(ends[i]! - starts[i]! + 1));
      let list = groups.get(group);
      if (!list) groups.set(group, (list = []));
      list.push(i);
    }
    this.classes = [...groups.values()].map((list) => {
      list.sort((a, b) => starts[a]! - starts[b]! || a - b);
      const positions = Uint32Array.from(list);
      let longest = 0;
      for (const i of list) longest = Math.max(longest, ends[i]! - starts[i]!);
      return { starts: Int32Array.from(list, (i) => starts[i]!), positions, longest };
    });
  }

  /** How many candidates `candidates` would yield: cheap, to choose between indexes. */
  count(from: number | undefined, to: number | undefined): number {
    let total = 0;
    for (const c of this.classes) {
      const [lo, hi] = window(c, from, to);
      total += Math.max(0, hi - lo);
    }
    return total;
  }

  /** Positions of every event that may overlap the window (a superset; `end` is not yet checked). */
  candidates(from: number | undefined, to: number | undefined, out: number[]): void {
    for (const c of this.classes) {
      const [lo, hi] = window(c, from, to);
      for (let k = lo; k < hi; k++) out.push(c.positions[k]!);
    }
  }
}

function window(c: SpanClass, from: number | undefined, to: number | undefined): [number, number] {
  const lo = from === undefined ? 0 : firstAtLeast(c.starts, from - c.longest);
  const hi = to === undefined ? c.starts.length : firstAtLeast(c.starts, to + 1);
  return [lo, hi];
}

/** The first index whose value is >= `value` (the length when none is). */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
