/** Below this many pixels per day a drag cannot aim at a day: window edges snap to month boundaries. */
const DAY_SNAP_MIN_PX = 4;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (y: number, m: number) => new Date(Date.UTC(y, m, 1));
const DAY_MS = 86_400_000;

/**
 * A dragged window, snapped to what the axis lets one aim at: whole days where a day is wide enough,
 * else whole months (the start of the month nearest the start, the end of the month nearest the end).
 */
export function snapWindow(from: string, to: string, pxPerDay: number): [string, string] {
  if (pxPerDay >= DAY_SNAP_MIN_PX) return [from, to];
  const a = toDate(from);
  const b = toDate(to);
  const nearestStart = (d: Date) => {
    const here = monthStart(d.getUTCFullYear(), d.getUTCMonth());
    const next = monthStart(d.getUTCFullYear(), d.getUTCMonth() + 1);
    return d.getTime() - here.getTime() <= next.getTime() - d.getTime() ? here : next;
  };
  // The end of a window is the day before a month start; the nearest such boundary to the day after `to`.
  const start = nearestStart(a);
  let endBoundary = nearestStart(new Date(b.getTime() + DAY_MS));
  if (endBoundary.getTime() <= start.getTime()) endBoundary = monthStart(start.getUTCFullYear(), start.getUTCMonth() + 1);
  return [iso(start), iso(new Date(endBoundary.getTime() - DAY_MS))];
}
