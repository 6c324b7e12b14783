"use client";

import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { Article } from "@/lib/model/event";
import { dayLabel } from "@/lib/events/time-label";
import { useHovered, useSetHovered } from "../dashboard/hover";
import { countRender } from "../dashboard/render-count";
import { segmentText, type Segment, type Span } from "./segments";
import styles from "./article.module.css";
import { AuthorshipLine } from "../auth/authorship-line";

type Props = {
  article: Omit<Article, "textFile" | "eventsFile">;
  spans: Span[];
  /** Events the current filters keep; sentences of the others are not marked as active. */
  visibleEvents: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

type Paragraph = { start: number; segments: Segment[] };

/** The article with each event's sentences marked; a marked sentence selects its event. */
export const ArticleReader = memo(function ArticleReader({ article, spans, visibleEvents, selectedId, onSelect }: Props) {
  countRender("article");
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const root = useRef<HTMLElement>(null);
  // Cut once per article: hovers and selections only change which marks are emphasised.
  const paragraphs = useMemo<Paragraph[]>(
    () => paragraphsOf(article.text).map(([start, end]) => ({ start, segments: segmentText(article.text.slice(start, end), spansWithin(spans, start, end)) })),
    [article.text, spans],
  );

  useEffect(() => {
    if (!selectedId) return;
    root.current?.querySelector(`[data-selected="true"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selectedId]);

  return (
    <article ref={root} className={styles.reader} aria-labelledby="article-title">
      <h2 id="article-title" className={styles.title} tabIndex={-1}>{article.title}</h2>
      <p className={styles.meta}>
        {article.publisher ?? "Publisher not stated"} · published {dayLabel(article.published)}
        {article.titleNote && <span className={styles.note}>{article.titleNote}</span>}
      </p>
      <AuthorshipLine entity="article" id={article.id} className={styles.meta} />
      {paragraphs.map(({ start, segments }) => (
        <p key={start} className={styles.paragraph}>
          {segments.map((seg) => {
            const events = seg.events.filter((id) => visibleEvents.has(id));
            if (events.length === 0) return <span key={seg.start}>{seg.text}</span>;
            const selected = selectedId !== null && events.includes(selectedId);
            const isHovered = hovered?.eventId !== undefined && events.includes(hovered.eventId);
            // A sentence that reports several events selects the next one on each activation.
            const next = selected ? events[(events.indexOf(selectedId!) + 1) % events.length]! : events[0]!;
            const activate = (e: KeyboardEvent) => {
              if (e.key !== "Enter" && e.key !== " ") return;
              e.preventDefault();
              onSelect(next);
            };
            // The mark itself is the control: an inline element, so its highlight covers every line it runs over.
            return (
              <mark
                key={seg.start}
                data-start={start + seg.start}
                className={styles.mark}
                data-events={events.join(" ")}
                data-selected={selected || undefined}
                data-hovered={isHovered || undefined}
                role="button"
                tabIndex={0}
                aria-pressed={selected}
                aria-label={`Sentence reporting ${events.length > 1 ? `${events.length} events` : "an event"}: ${seg.text}`}
                onClick={() => onSelect(next)}
                onKeyDown={activate}
                onMouseEnter={() => setHovered({ eventId: events[0] })}
                onMouseLeave={() => setHovered(null)}
              >
                {seg.text}
              </mark>
            );
          })}
        </p>
      ))}
    </article>
  );
});

/** Spans inside one paragraph, shifted to offsets within it. */
function spansWithin(spans: Span[], start: number, end: number): Span[] {
  return spans.filter((s) => s.start < end && s.end > start).map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
}

/** [start, end] offsets of each paragraph (blank-line separated), so offsets stay those of the article. */
function paragraphsOf(text: string): [number, number][] {
  const result: [number, number][] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) result.push([m.index, m.index + m[0].length]);
  return result;
}
