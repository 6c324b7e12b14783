"use client";

import { useState, type PointerEvent, type RefObject } from "react";
import type { TimeScale } from "@/lib/events/time-scale";
import { snapWindow } from "./snap";

/** Drags shorter than this are clicks, not windows. */
const MIN_DRAG = 3;

type Drag = { anchor: number; current: number };

type Options = {
  scale: TimeScale;
  svg: RefObject<SVGSVGElement | null>;
  /** SVG width in its own units, and the plot's left margin and width within it. */
  width: number;
  left: number;
  plotW: number;
  from: string | null;
  to: string | null;
  onWindowChange: (from: string, to: string) => void;
};

/**
 * Dragging across the timeline chooses a time window; dragging an edge of the window moves that edge.
 * The window's ends snap to days, or to month boundaries where a day is too narrow to aim at.
 */
export function useBrush({ scale, svg, width, left, plotW, from, to, onWindowChange }: Options) {
  const [drag, setDrag] = useState<Drag | null>(null);

  /** Pointer position in plot coordinates, allowing for the SVG being scaled before it is measured. */
  const toPx = (e: PointerEvent) => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return ((e.clientX - rect.left) * width) / rect.width - left;
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
    const start = scale.invert(a);
    const last = scale.invert(b);
    // How wide a day is where the drag ends: on a compressed stretch, whole months.
    const dayPx = Math.min(scale.xEnd(start) - scale.x(start), scale.xEnd(last) - scale.x(last));
    onWindowChange(...snapWindow(start, last, dayPx));
  };

  // The window as drawn: the live drag, or the chosen days (an open end runs to the axis end).
  const windowPx: [number, number] | null = drag
    ? [Math.max(0, Math.min(drag.anchor, drag.current)), Math.min(plotW, Math.max(drag.anchor, drag.current))]
    : from || to
      ? [from ? scale.x(from) : 0, to ? scale.xEnd(to) : plotW]
      : null;

  return { windowPx, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: () => setDrag(null) } };
}
