"use client";

import type { EventHeadline } from "@/lib/model/event-headline";
import { LIST_ROWS } from "@/lib/events/digest";
import { timeLabel } from "@/lib/events/time-label";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import type { KeyboardEvent } from "react";
import type { EventTime } from "@/lib/model/schema";
import { VirtualEventList } from "./virtual-event-list";
import { isHoveredEvent, useHovered, useSetHovered } from "../dashboard/hover";
import { countRender } from "../dashboard/render-count";
import styles from "./events.module.css";

type Props = {
  /** The first events in time order (at most LIST_ROWS). */
  rows: EventHeadline[];
  /** Every event the filters keep, when the page holds them all; else null. */
  all: readonly EventHeadline[] | null;
  /** The filter's `/api/events` query, and its events per time span: a longer list fetches its rows by them. */
  query: string;
  times: readonly { time: EventTime; count: number }[];
  /** How many events the filters keep. */
  count: number;
  total: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Titles of the articles by id, given when there are several, so that each row names its own. */
  articleTitle?: ReadonlyMap<string, string>;
};

/** Up and Down move between the list's events (Home and End to its ends); Enter or Space selects. */
function moveInList(e: KeyboardEvent<HTMLElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(e.key)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-event-id]")];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  const to = e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : Math.max(0, Math.min(items.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)));
  items[to]?.focus();
}

/** Events in time order, grouped under the date as precisely as the article gives it. */
export function EventsByDate({ rows, all, query, times, count, total, selectedId, onSelect, articleTitle }: Props) {
  countRender("event-list");
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const heading = (
    <h2 id="event-list-heading" className={styles.heading} tabIndex={-1}>
      Events <span className={styles.count} data-testid="event-count">{count === total ? `${total}` : `${count} of ${total}`}</span>
    </h2>
  );
  // Past LIST_ROWS only the rows in view are drawn, fetched as they scroll into view.
  if (count > LIST_ROWS) {
    return (
      <section className={styles.list} aria-labelledby="event-list-heading">
        {heading}
        <VirtualEventList count={count} query={query} times={times} first={rows} all={all} selectedId={selectedId} onSelect={onSelect} articleTitle={articleTitle} />
      </section>
    );
  }
  const groups = groupByDate(rows.slice(0, LIST_ROWS));
  return (
    <section className={styles.list} aria-labelledby="event-list-heading" onKeyDown={moveInList}>
      {heading}
      {count === 0 && <p className={styles.empty}>No event matches the filters.</p>}
      {groups.map(([label, group]) => (
        <div key={label} role="group" aria-label={label}>
          <h3 className={styles.date}>{label}</h3>
          <ul className={styles.items}>
            {group.map((e) => {
              const info = EVENT_TYPE_INFO[e.type];
              const isHovered = isHoveredEvent(hovered, e);
              return (
                <li key={e.id}>
                  <button
                    type="button"
                    className={styles.item}
                    data-event-id={e.id}
                    aria-pressed={e.id === selectedId}
                    data-hovered={isHovered || undefined}
                    onClick={() => onSelect(e.id)}
                    onMouseEnter={() => setHovered({ eventId: e.id })}
                    onMouseLeave={() => setHovered(null)}
                    onFocus={() => setHovered({ eventId: e.id })}
                    onBlur={() => setHovered(null)}
                  >
                    <span className={styles.type} style={{ borderColor: info.color }}>{info.label}</span>
                    <span className={styles.title}>{e.title}</span>
                    <span className={styles.meta}>
                      {timeLabel(e.time)} · {e.place.name}
                    </span>
                    {articleTitle && <span className={styles.meta} data-testid="event-article">{articleTitle.get(e.article) ?? e.article}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

function groupByDate(events: EventHeadline[]): [string, EventHeadline[]][] {
  const groups = new Map<string, EventHeadline[]>();
  for (const e of events) {
    const label = timeLabel({ ...e.time, bound: "exact" });
    groups.set(label, [...(groups.get(label) ?? []), e]);
  }
  return [...groups];
}

