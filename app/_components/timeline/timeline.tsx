"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { EventTime } from "@/lib/model/schema";
import { createTimeScale } from "@/lib/events/time-scale";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { Axis } from "./axis";
import { binEvents, DENSE_LANES, Density, MAX_MARKS } from "./density";
import { EventMarks } from "./event-marks";
import { placeInLanes } from "./lanes";
import { useBrush } from "./use-brush";
import { WindowFields } from "./window-fields";
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

/** The container's width, followed as it changes. */
function useWidth(box: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/** Events on a compressed time axis, with a brush to choose the time window. */
export function Timeline({ events, times, count, allEvents, total = allEvents.length, from, to, selectedId, onSelect, onWindowChange }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useWidth(boxRef);

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
  const { windowPx, handlers } = useBrush({ scale, svg: svgRef, width, left: MARGIN.left, plotW, from, to, onWindowChange });

  return (
    <section aria-label="Timeline" data-testid="timeline" className={styles.timeline}>
      <div ref={boxRef} className={styles.box}>
        <svg ref={svgRef} className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label="Events over time" {...handlers}>
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
                  <rect key={edge} className={styles.edge} data-brush-edge={edge} x={windowPx[i]! - 4} y={MARGIN.top - 4} width={8} height={axisY - MARGIN.top + 4} aria-hidden="true" />
                ))}
              </g>
            )}
            {dense && <Density bins={density} top={MARGIN.top} height={plotH} count={count} />}
            <EventMarks placed={placed} events={events} uid={uid} laneY={laneY} laneH={laneH} axisY={axisY} selectedId={selectedId} onSelect={onSelect} />
          </g>
        </svg>
      </div>
      <WindowFields from={from} to={to} domain={scale.domain} onWindowChange={onWindowChange} />
    </section>
  );
}
