"use client";

import type { KeyboardEvent } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import { timeLabel } from "@/lib/events/time-label";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { isHoveredEvent, useHovered, useSetHovered } from "../dashboard/hover";
import type { placeInLanes } from "./lanes";
import { BAR_H, DOT_R, FADE } from "./marks";
import styles from "./timeline.module.css";

type Props = {
  placed: ReturnType<typeof placeInLanes>["placed"];
  events: EventHeadline[];
  uid: string;
  laneY: (lane: number) => number;
  laneH: number;
  axisY: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** One mark per event: a dot for a day, a bar for a span, a fade where the article gives only a bound. */
export function EventMarks({ placed, events, uid, laneY, laneH, axisY, selectedId, onSelect }: Props) {
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const byId = new Map(events.map((e) => [e.id, e]));
  return placed.map((p) => {
    const e = byId.get(p.id);
    if (!e) return null;
    const color = EVENT_TYPE_INFO[e.type].color;
    const y = laneY(p.lane);
    const label = `${e.title}, ${timeLabel(e.time)}`;
    const isSelected = e.id === selectedId;
    const fadeFill = `url(#${uid}-fade-${e.type})`;
    return (
      <g
        key={e.id}
        className={styles.mark}
        data-event-id={e.id}
        data-selected={isSelected || undefined}
        data-hovered={isHoveredEvent(hovered, e) || undefined}
        role="button"
        tabIndex={0}
        aria-pressed={isSelected}
        aria-label={label}
        onClick={() => onSelect(e.id)}
        onKeyDown={(k: KeyboardEvent) => {
          if (k.key !== "Enter" && k.key !== " ") return;
          k.preventDefault();
          onSelect(e.id);
        }}
        onPointerEnter={() => setHovered({ eventId: e.id })}
        onPointerLeave={() => setHovered(null)}
        onFocus={() => setHovered({ eventId: e.id })}
        onBlur={() => setHovered(null)}
      >
        <title>{label}</title>
        {isSelected && <line className={styles.guide} x1={p.cx} x2={p.cx} y1={y} y2={axisY} />}
        {/* A larger transparent target, so small dots are easy to point at. */}
        <rect className={styles.hit} x={p.x0 - 2} y={y - laneH / 2} width={p.x1 - p.x0 + 4} height={laneH} />
        {e.time.bound === "on-or-before" && <rect x={(p.isDot ? p.cx - DOT_R : p.x0) - FADE} y={y - 1.5} width={FADE} height={3} fill={fadeFill} />}
        {e.time.bound === "on-or-after" && (
          <rect
            x={p.isDot ? p.cx + DOT_R : p.x1}
            y={y - 1.5}
            width={FADE}
            height={3}
            fill={fadeFill}
            transform={`rotate(180 ${(p.isDot ? p.cx + DOT_R : p.x1) + FADE / 2} ${y})`}
          />
        )}
        {p.isDot ? (
          <circle className={styles.shape} cx={p.cx} cy={y} r={DOT_R} fill={color} />
        ) : (
          <rect className={styles.shape} x={p.x0} y={y - BAR_H / 2} width={p.x1 - p.x0} height={BAR_H} rx={2} fill={color} />
        )}
      </g>
    );
  });
}
