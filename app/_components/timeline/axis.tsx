import { dayLabel, dayNumber } from "@/lib/events/time-label";
import type { TimeScale } from "@/lib/events/time-scale";
import styles from "./timeline.module.css";

export function Axis({ scale, y, top }: { scale: TimeScale; y: number; top: number }) {
  // The axis line runs between the breaks, which get a zig-zag instead.
  const stops = [0, ...scale.breaks.flatMap((b) => [b.x - 4, b.x + 4]), scale.width];
  return (
    <g className={styles.axis} aria-hidden="true">
      {stops.map((x, i) => (i % 2 === 0 ? <line key={i} x1={x} x2={stops[i + 1]} y1={y} y2={y} /> : null))}
      {scale.ticks().map((t) => (
        <g key={`${t.x}-${t.label}`}>
          <line x1={t.x} x2={t.x} y1={y} y2={y + 5} />
          <text x={t.x + 3} y={y + 16}>
            {t.label}
          </text>
        </g>
      ))}
      {scale.breaks.map((b) => (
        <g key={b.from} className={styles.break}>
          <title>{`No events from ${dayLabel(b.from)} to ${dayLabel(b.to)}: this gap is compressed`}</title>
          <line className={styles.breakGap} x1={b.x} x2={b.x} y1={top} y2={y - 6} />
          <path d={`M${b.x - 6} ${y + 4} L${b.x - 2} ${y - 4} M${b.x + 2} ${y + 4} L${b.x + 6} ${y - 4}`} />
          <text x={b.x} y={y + 27} textAnchor="middle">
            {gapLabel(b.from, b.to)}
          </text>
        </g>
      ))}
    </g>
  );
}

function gapLabel(from: string, to: string): string {
  const years = Math.round((dayNumber(to) - dayNumber(from) + 1) / 365.25);
  return years >= 1 ? `${years} yr` : `${Math.round((dayNumber(to) - dayNumber(from) + 1) / 30.4)} mo`;
}

