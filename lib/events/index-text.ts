/**
 * The folded text of every event in one string, so that finding the events whose text contains a
 * needle is a run of `indexOf` over one string rather than a visit to each event and its text.
 *
 * Texts are joined by a separator; a needle without it can only match inside one event's text,
 * exactly where `text.includes(needle)` finds it. A needle that holds the separator is left to
 * the per-event test (`containing` answers undefined).
 */
export class TextIndex {
  private readonly text: string;
  /** Where each event's text starts in `text`; one more entry marks the end. */
  private readonly starts: Float64Array;

  constructor(texts: readonly string[]) {
    this.starts = new Float64Array(texts.length + 1);
    let at = 0;
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + SEPARATOR.length;
    });
    this.starts[texts.length] = at;
    this.text = texts.join(SEPARATOR);
  }

  /** Positions, ascending, of the events whose text contains `needle` (not empty). */
  containing(needle: string): number[] | undefined {
    if (needle === "" || needle.includes(SEPARATOR)) return undefined;
    const found: number[] = [];
    let from = 0;
    for (let hit = this.text.indexOf(needle, from); hit !== -1; hit = this.text.indexOf(needle, from)) {
      const i = this.eventAt(hit);
      found.push(i);
      from = this.starts[i + 1]!;
    }
    return found;
  }

  /** The event whose text holds this offset: the last one starting at or before it. */
  private eventAt(offset: number): number {
    let [lo, hi] = [0, this.starts.length - 2];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Joins the texts; never in a needle that `containing` answers for. */
const SEPARATOR = "\u0000";
