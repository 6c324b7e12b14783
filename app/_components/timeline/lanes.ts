import type { EventTime } from "@/lib/model/schema";
import type { TimeScale } from "@/lib/events/time-scale";
import { DOT_R, FADE, MIN_BAR } from "./marks";

export type Placed = { id: string; x0: number; x1: number; cx: number; isDot: boolean; lane: number };

/**
 * Stacks marks in lanes, lowest first, so none overlaps another (fades included). Sorting by the
 * left edge makes the greedy choice use as few lanes as the busiest moment needs.
 */
export function placeInLanes(items: { id: string; time: EventTime }[], scale: TimeScale): { placed: Placed[]; lanes: number } {
  const extents = items.map((e) => {
    const isDot = e.time.precision === "day" && e.time.start === e.time.end;
    const x0 = scale.x(e.time.start);
    const x1 = isDot ? scale.xEnd(e.time.start) : Math.max(scale.xEnd(e.time.end), x0 + MIN_BAR);
    const cx = (x0 + x1) / 2;
    const [a, b] = isDot ? [cx - DOT_R, cx + DOT_R] : [x0, x1];
    const left = a - (e.time.bound === "on-or-before" ? FADE : 0) - 1;
    const right = b + (e.time.bound === "on-or-after" ? FADE : 0) + 1;
    return { id: e.id, isDot, x0: isDot ? cx - DOT_R : x0, x1: isDot ? cx + DOT_R : x1, cx, left, right };
  });
  extents.sort((p, q) => p.left - q.left || q.right - p.right);
  const laneEnds: number[] = [];
  const placed = extents.map((m) => {
    let lane = laneEnds.findIndex((end) => end <= m.left);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = m.right;
    return { id: m.id, x0: m.x0, x1: m.x1, cx: m.cx, isDot: m.isDot, lane };
  });
  return { placed, lanes: laneEnds.length };
}

