/** Median, min and max of repeated runs; NaN-free input expected. */
export type Summary = { median: number; min: number; max: number; n: number };

export function summarize(values: number[]): Summary {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : "–");

/** "median (min–max)" with a unit. */
export function fmt(s: Summary, unit = "ms", digits = 0): string {
  if (!s.n) return "not measured";
  return `${round(s.median, digits)} ${unit} (${round(s.min, digits)}–${round(s.max, digits)})`;
}

export const ratio = (a: Summary, b: Summary) => a.median / b.median;
export const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
