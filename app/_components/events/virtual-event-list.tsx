"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { EventTime } from "@/lib/model/schema";
import { timeLabel } from "@/lib/events/time-label";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { isHoveredEvent, useHovered, useSetHovered } from "../dashboard/hover";
import { useListPages } from "./use-list-pages";
import styles from "./events.module.css";

type Props = {
  count: number;
  /** The filter's `/api/events` query: rows are fetched with it, a page at a time. */
  query: string;
  times: readonly { time: EventTime; count: number }[];
  /** The first rows (from the digest), shown before anything is fetched. */
  first: readonly EventHeadline[];
  /** Every event, when the page holds them all. */
  all: readonly EventHeadline[] | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  articleTitle?: ReadonlyMap<string, string>;
};

/** Rows about this tall before they are measured (a title on one line). */
const ROW_ESTIMATE = 74;
const dateOf = (e: EventHeadline | undefined) => (e ? timeLabel({ ...e.time, bound: "exact" }) : "");

/**
 * Every matching event in one scrolling list, however many: only the rows in view exist in the
 * page (@tanstack/react-virtual), fetched a page at a time from the store's keyset pages. Each
 * row says its position in the whole list to screen readers (aria-posinset of aria-setsize); Up,
 * Down, Page Up, Page Down, Home and End move between rows, fetching them as needed.
 */
export function VirtualEventList({ count, query, times, first, all, selectedId, onSelect, articleTitle }: Props) {
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const scroller = useRef<HTMLDivElement>(null);
  const focusWanted = useRef<number | null>(null);
  const { rowAt, ensure } = useListPages(query, count, times, first, all);
  // The virtualiser's functions read its current state on every call; nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => ensure(firstShown, lastShown), [ensure, firstShown, lastShown]);
  // A row asked for by the keyboard gets focus once it is drawn and loaded.
  useEffect(() => {
    const wanted = focusWanted.current;
    if (wanted === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`button[data-index="${wanted}"]`);
    if (button) {
      button.focus({ preventScroll: true });
      focusWanted.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((document.activeElement as HTMLElement | null)?.dataset.index);
    if (!Number.isInteger(at)) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / ROW_ESTIMATE) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const target = Math.max(0, Math.min(count - 1, to));
    // A row already drawn takes focus now; another once it is scrolled to, drawn and loaded.
    const drawn = scroller.current?.querySelector<HTMLButtonElement>(`button[data-index="${target}"]`);
    if (drawn) return drawn.focus();
    focusWanted.current = target;
    virtualizer.scrollToIndex(target, { align: "auto" });
    ensure(target, target);
  };

  return (
    <div ref={scroller} className={styles.scroller} onKeyDown={onKeyDown} data-testid="event-scroller">
      <ul className={styles.virtualItems} style={{ height: virtualizer.getTotalSize() }} aria-label={`${count} events in time order`}>
        {items.map((item) => {
          const e = rowAt(item.index);
          const date = dateOf(e);
          const showDate = item.index === 0 || (e !== undefined && date !== dateOf(rowAt(item.index - 1)));
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              className={styles.virtualRow}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {showDate && e && <span className={styles.date}>{date}</span>}
              {e ? (
                <button
                  type="button"
                  className={styles.item}
                  data-event-id={e.id}
                  data-index={item.index}
                  aria-pressed={e.id === selectedId}
                  data-hovered={isHoveredEvent(hovered, e) || undefined}
                  onClick={() => onSelect(e.id)}
                  onMouseEnter={() => setHovered({ eventId: e.id })}
                  onMouseLeave={() => setHovered(null)}
                  onFocus={() => setHovered({ eventId: e.id })}
                  onBlur={() => setHovered(null)}
                >
                  <span className={styles.type} style={{ borderColor: EVENT_TYPE_INFO[e.type].color }}>{EVENT_TYPE_INFO[e.type].label}</span>
                  <span className={styles.title}>{e.title}</span>
                  <span className={styles.meta}>
                    {timeLabel(e.time)} · {e.place.name}
                  </span>
                  {articleTitle && <span className={styles.meta}>{articleTitle.get(e.article) ?? e.article}</span>}
                </button>
              ) : (
                <span className={`${styles.item} ${styles.pending}`} aria-busy="true">
                  Loading event {item.index + 1} of {count}…
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
