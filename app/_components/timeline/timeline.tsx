"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { EventTime } from "@/lib/model/schema";
import { timeLabel } from "@/lib/events/time-label";
import { createTimeScale } from "@/lib/events/time-scale";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { isHoveredEvent, useHovered, useSetHovered } from "../dashboard/hover";
import { Axis } from "./axis";
import { DateField } from "./date-field";
import { binEvents, DENSE_LANES, Density, MAX_MARKS } from "./density";
import { placeInLanes } from "./lanes";
import { BAR_H, DOT_R, FADE } from "./marks";
import styles from "./timeline.module.css";

type Props = {
  /** The events to draw one by one (already filtered): all of them when there are few. */
  events: EventHeadline[];
  /** Every filtered event's time span, with how many share it: drawn as a density when there are many. */
  times: { time: EventTime; count: number }[];
  /** How many events the filters keep. */
  count: number;
  /** Every event: fixes the axis and the height, so neither jumps while filtering. */
  allEvents: { id: string; time: EventTime }[];
  /** How many events there are in all; above MAX_MARKS the timeline draws their density instead of marks. */
  total?: number;
  from: string | null;
  to: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onWindowChange: (from: string | null, to: string | null) => void;
};

/** Width used until the container is measured, so the server-rendered SVG is already meaningful. */
const DEFAULT_WIDTH = 800;
const MARGIN = { left: 12, right: 12, top: 8 };
const AXIS_HEIGHT = 30;
/** The lanes share about this many pixels; each lane stays between LANE_MIN and LANE_MAX high. */
const LANES_BOX = 84;
const LANE_MIN = 7;
const LANE_MAX = 11;
/** Drags shorter than this are clicks, not windows. */
const MIN_DRAG = 3;

type Drag = { anchor: number; current: number };

/** Events on a compressed time axis, with a brush to choose the time window. */
export function Timeline({ events, times, count, allEvents, total = allEvents.length, from, to, selectedId, onSelect, onWindowChange }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [drag, setDrag] = useState<Drag | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const plotW = Math.max(width - MARGIN.left - MARGIN.right, 50);
  const scale = useMemo(() => createTimeScale(allEvents.map((e) => e.time), plotW), [allEvents, plotW]);
  // Thousands of marks would be unreadable and slow to draw: past MAX_MARKS, show how many per stretch of time.
  const dense = total > MAX_MARKS;
  const allLanes = useMemo(() => (dense ? DENSE_LANES : placeInLanes(allEvents, scale).lanes), [dense, allEvents, scale]);
  const { placed } = useMemo(() => (dense ? { placed: [] } : placeInLanes(events, scale)), [dense, events, scale]);
  const density = useMemo(() => (dense ? binEvents(times, scale) : []), [dense, times, scale]);

  const laneH = Math.min(LANE_MAX, Math.max(LANE_MIN, LANES_BOX / Math.max(allLanes, 1)));
  const plotH = Math.max(allLanes, 3) * laneH;
  const axisY = MARGIN.top + plotH + 4;
  const height = axisY + AXIS_HEIGHT;
  const laneY = (lane: number) => MARGIN.top + plotH - (lane + 0.5) * laneH;

  /** Pointer position in plot coordinates, allowing for the SVG being scaled before it is measured. */
  const toPx = (e: PointerEvent) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return ((e.clientX - rect.left) * width) / rect.width - MARGIN.left;
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const target = e.target as Element;
    if (target.closest("[data-event-id]")) return;
    const edge = target.closest("[data-brush-edge]")?.getAttribute("data-brush-edge");
    const px = toPx(e);
    // Resizing keeps the opposite edge fixed: anchor in the middle of its day so invert gives that day back.
    let anchor = px;
    if (edge === "from") anchor = to ? (scale.x(to) + scale.xEnd(to)) / 2 : plotW;
    if (edge === "to") anchor = from ? (scale.x(from) + scale.xEnd(from)) / 2 : 0;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ anchor, current: px });
  };

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (drag) setDrag({ ...drag, current: toPx(e) });
  };

  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const end = toPx(e);
    setDrag(null);
    if (Math.abs(end - drag.anchor) < MIN_DRAG) return;
    const [a, b] = drag.anchor < end ? [drag.anchor, end] : [end, drag.anchor];
    onWindowChange(scale.invert(a), scale.invert(b));
  };

  // The window as drawn: the live drag, or the chosen days (an open end runs to the axis end).
  const windowPx: [number, number] | null = drag
    ? [Math.max(0, Math.min(drag.anchor, drag.current)), Math.min(plotW, Math.max(drag.anchor, drag.current))]
    : from || to
      ? [from ? scale.x(from) : 0, to ? scale.xEnd(to) : plotW]
      : null;

  const byId = new Map(events.map((e) => [e.id, e]));
  const setWindow = (f: string | null, t: string | null) => (f && t && f > t ? onWindowChange(t, f) : onWindowChange(f, t));

  return (
    <section aria-label="Timeline" data-testid="timeline" className={styles.timeline}>
      <div ref={boxRef} className={styles.box}>
        <svg
          ref={svgRef}
          className={styles.svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label="Events over time"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
        >
          <defs>
            {Object.entries(EVENT_TYPE_INFO).map(([type, info]) => (
              <linearGradient key={type} id={`${uid}-fade-${type}`}>
                <stop offset="0" stopColor={info.color} stopOpacity="0" />
                <stop offset="1" stopColor={info.color} stopOpacity="0.7" />
              </linearGradient>
            ))}
          </defs>
          <g transform={`translate(${MARGIN.left},0)`}>
            <rect className={styles.background} data-brush="background" x={0} y={0} width={plotW} height={height} />
            <Axis scale={scale} y={axisY} top={MARGIN.top} />
            {windowPx && (
              <g className={styles.window}>
                <rect className={styles.windowShade} x={windowPx[0]} y={MARGIN.top - 4} width={Math.max(windowPx[1] - windowPx[0], 1)} height={axisY - MARGIN.top + 4} />
                {(["from", "to"] as const).map((edge, i) => (
                  <rect
                    key={edge}
                    className={styles.edge}
                    data-brush-edge={edge}
                    x={windowPx[i]! - 4}
                    y={MARGIN.top - 4}
                    width={8}
                    height={axisY - MARGIN.top + 4}
                    aria-hidden="true"
                  />
                ))}
              </g>
            )}
            {dense && <Density bins={density} top={MARGIN.top} height={plotH} count={count} />}
            {placed.map((p) => {
              const e = byId.get(p.id);
              if (!e) return null;
              const color = EVENT_TYPE_INFO[e.type].color;
              const y = laneY(p.lane);
              const label = `${e.title}, ${timeLabel(e.time)}`;
              const isSelected = e.id === selectedId;
              const isHovered = isHoveredEvent(hovered, e);
              const fadeFill = `url(#${uid}-fade-${e.type})`;
              return (
                <g
                  key={e.id}
                  className={styles.mark}
                  data-event-id={e.id}
                  data-selected={isSelected || undefined}
                  data-hovered={isHovered || undefined}
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
                  {e.time.bound === "on-or-before" && (
                    <rect x={(p.isDot ? p.cx - DOT_R : p.x0) - FADE} y={y - 1.5} width={FADE} height={3} fill={fadeFill} />
                  )}
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
            })}
          </g>
        </svg>
      </div>
      <div className={styles.controls}>
        <DateField label="From" value={from} min={scale.domain.start} max={to ?? scale.domain.end} onChange={(f) => setWindow(f, to)} />
        <DateField label="To" value={to} min={from ?? scale.domain.start} max={scale.domain.end} onChange={(t) => setWindow(from, t)} />
        {from || to ? (
          <button type="button" className={styles.clear} onClick={() => onWindowChange(null, null)}>
            Clear window
          </button>
        ) : (
          <span className={styles.hint}>Drag across the timeline to choose a time window.</span>
        )}
      </div>
    </section>
  );
}

