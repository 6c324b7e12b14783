"use client";

import { useEffect, useRef } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { FeatureRef } from "@/lib/view/view";
import { ArticleReader } from "../article/article-reader";
import type { ReaderArticle } from "../articles/use-article";
import type { Span } from "../article/segments";
import { EventCard } from "../events/event-card";
import { FeatureEvents } from "../events/feature-events";
import styles from "./dashboard.module.css";

type Props = {
  article: ReaderArticle;
  spans: Span[];
  markedIds: ReadonlySet<string>;
  selected: EventHeadline | null;
  inFull: LoadedEvent | null;
  /** The selected event's article, named when there are several. */
  articleTitle?: string;
  feature: FeatureRef | null;
  layers: LayerSummary[];
  known: EventHeadline[];
  complete: boolean;
  query: string;
  onSelect: (id: string | null) => void;
  /** Shows a sentence of an article in the reader, switching the reader to that article if needed. */
  onShowSentence: (article: string, start: number) => void;
  onCloseFeature: () => void;
};

/**
 * The selected event's card above the article. The card keeps its place (it never scrolls away
 * when an event is picked); the article scrolls in its own region to the event's sentence.
 */
export function SelectionPanel({ article, spans, markedIds, selected, inFull, articleTitle, feature, layers, known, complete, query, onSelect, onShowSentence, onCloseFeature }: Props) {
  const card = useRef<HTMLDivElement>(null);
  const selectedId = selected?.id ?? null;
  // On a phone the panel sits below the map: a new selection brings the card into view.
  useEffect(() => {
    if (!selectedId || !window.matchMedia("(max-width: 820px)").matches) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card.current?.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }, [selectedId]);
  // Escape closes the card, wherever focus is, unless something on top (a dialog, a list) takes it first.
  useEffect(() => {
    if (!selectedId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || document.querySelector("dialog[open]")) return;
      onSelect(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedId, onSelect]);

  const featureLayer = feature ? layers.find((l) => l.id === feature.layer) : undefined;

  return (
    <aside className={styles.right} id="panel-event" aria-label="Selected event and article">
      <div ref={card} className={styles.selection} id="selected-event" tabIndex={-1} aria-live="polite">
        {feature && featureLayer && (
          <FeatureEvents feature={feature} labelProperty={featureLayer.labelProperty} events={known} complete={complete} query={query} onSelect={onSelect} onClose={onCloseFeature} />
        )}
        {inFull ? (
          <EventCard event={inFull} articleTitle={articleTitle} onClose={() => onSelect(null)} onShowSentence={(start) => onShowSentence(inFull.article, start)} />
        ) : (
          <p className={styles.hint}>{selected ? `Loading “${selected.title}”…` : "Select an event in the list, on the map, on the timeline or in the article."}</p>
        )}
      </div>
      <div className={styles.articleRegion} data-testid="article-region">
        <ArticleReader article={article} spans={spans} visibleEvents={markedIds} selectedId={selectedId} onSelect={onSelect} />
      </div>
    </aside>
  );
}
