import type { EventTime } from "@/lib/model/schema";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const parts = (d: string) => d.split("-").map(Number) as [number, number, number];

/** "19 Aug 2025" */
export function dayLabel(d: string): string {
  const [y, m, day] = parts(d);
  return `${day} ${MONTHS[m - 1]} ${y}`;
}

/** A date written no finer than the article gave it: "July 2025", "1974", "Dec 2024 – 20 Aug 2025". */
export function timeLabel(t: EventTime): string {
  const [y, m] = parts(t.start);
  let label: string;
  switch (t.precision) {
    case "day":
      label = dayLabel(t.start);
      break;
    case "month":
      label = `${MONTHS_LONG[m - 1]} ${y}`;
      break;
    case "year":
      label = String(y);
      break;
    case "range":
      label = `${MONTHS[m - 1]} ${y} – ${dayLabel(t.end)}`;
      break;
  }
  if (t.bound === "on-or-before") return `by ${label}`;
  if (t.bound === "on-or-after") return `from ${label}`;
  return label;
}

/** Days since 1970-01-01 (UTC), for placing dates on a timeline. */
export function dayNumber(d: string): number {
  return Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
}

export function dayFromNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
