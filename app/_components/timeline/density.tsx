import type { EventTime } from "@/lib/model/schema";
import type { TimeScale } from "@/lib/events/time-scale";
import styles from "./timeline.module.css";

/** Above this many events the timeline draws their density instead of one mark each. */
export const MAX_MARKS = 400;
/** Height of the density plot, in lanes. */
export const DENSE_LANES = 6;
const BIN_PX = 3;

/** Events per few pixels of the axis, by the day each starts; `count` events share each time span. */
export function binEvents(spans: { time: EventTime; count: number }[], scale: TimeScale): { x: number; count: number }[] {
  const bins = new Map<number, number>();
  for (const s of spans) {
    const bin = Math.floor(scale.x(s.time.start) / BIN_PX);
    bins.set(bin, (bins.get(bin) ?? 0) + s.count);
  }
  return [...bins].map(([bin, count]) => ({ x: bin * BIN_PX, count }));
}

export function Density({ bins, top, height, count }: { bins: { x: number; count: number }[]; top: number; height: number; count: number }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  return (
    <g className={styles.density} role="img" aria-label={`${count} events, drawn as how many start in each stretch of time; narrow the filters to see them one by one`}>
      {bins.map((b) => {
        const h = Math.max(1, (b.count / max) * height);
        return <rect key={b.x} x={b.x} y={top + height - h} width={BIN_PX - 0.5} height={h} />;
      })}
    </g>
  );
}

