"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isFullEvent, type EventHeadline } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import type { EventType } from "@/lib/model/schema";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import { serializeView } from "@/lib/view/view";
import type { FirstEvents } from "@/lib/view/view-events-shape";
import type { IgnoredParam } from "@/lib/view/read-view";
import { ArticleReader } from "../article/article-reader";
import { ArticlesPanel, type ArticleEntry } from "../articles/articles-panel";
import { useArticle, type ReaderArticle } from "../articles/use-article";
import { useShowInArticle } from "../articles/use-show-in-article";
import type { Span } from "../article/segments";
import { EventCard } from "../events/event-card";
import { FeatureEvents, type SelectedFeature } from "../events/feature-events";
import { EventList } from "../events/event-list";
import { FilterBar } from "../filters/filter-bar";
import { LayersPanel } from "../layers/layers-panel";
import { ErrorBoundary } from "../errors/error-boundary";
import { MapView } from "../map/map-view";
import { ExportButtons } from "../print/export-buttons";
import { CopyLink } from "../share/copy-link";
import { Timeline } from "../timeline/timeline";
import { HoverProvider, useHover } from "./hover";
import { IgnoredNotice } from "./ignored-notice";
import { useEventById, useEvents } from "./use-events";
import { useCameraInUrl, useView } from "./use-view";
import styles from "./dashboard.module.css";

export type DashboardProps = {
  layers: LayerSummary[];
  unavailable: UnavailableLayer[];
  /** Every article, newest first; the reader shows `article` (the link's, else the newest). */
  articles: ArticleEntry[];
  article: ReaderArticle;
  spans: Span[];
  /** The distinct time spans of all events, for a timeline axis that does not jump when filters change. */
  allTimes: { id: string; time: LoadedEvent["time"] }[];
  /** How many events there are in all. */
  total: number;
  /** The first view's events and the query they answer, computed on the server; only a digest of them when too many to inline. */
  initial: FirstEvents;
  ignored: IgnoredParam[];
};

export function Dashboard(props: DashboardProps) {
  return (
    <HoverProvider>
      <DashboardBody {...props} />
    </HoverProvider>
  );
}

function DashboardBody({ layers, unavailable, articles, article: initialArticle, spans: initialSpans, allTimes, total, initial, ignored }: DashboardProps) {
  const [view, setView] = useView();
  const setCamera = useCameraInUrl();
  const filter = viewEventQuery(view);
  const query = eventQueryString(filter);
  const newest = articles[0]?.id ?? initialArticle.id;
  const { article, spans } = useArticle(view.article ?? newest, { article: initialArticle, spans: initialSpans });
  const told = useMemo(() => [...new Set(spans.map((s) => s.event))], [spans]);
  const { known, complete, digest, onMap, loading, error } = useEvents(query, initial, told, eventQueryString({ ...filter, article: article.id }));
  const articleTitles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);

  const defaultVisible = useMemo(() => layers.filter((l) => l.defaultVisible).map((l) => l.id), [layers]);
  const visible = view.layers ?? defaultVisible;

  // The selected event stays known even when a later filter hides it from the list; one picked on
  // the map of a large set, which the page does not hold, is fetched by its id.
  const found = known.find((e) => e.id === view.event);
  const [remembered, setRemembered] = useState<EventHeadline | null>(initial.selected);
  if (found && found !== remembered) setRemembered(found);
  const headline = found ?? (remembered?.id === view.event ? remembered : null);
  const fetched = useEventById(view.event && !(headline && isFullEvent(headline)) ? view.event : null);
  const selected = headline ?? fetched;
  const selectedInFull = headline && isFullEvent(headline) ? headline : fetched;

  const select = useCallback((id: string | null) => void setView({ event: id }), [setView]);
  // On a phone the panels are stacked and the card sits far above the list: a pick in the list
  // brings the card into view once it shows the event (the breakpoint is dashboard.module.css's).
  const selectionRef = useRef<HTMLDivElement>(null);
  const revealCard = useRef(false);
  const showCard = useCallback(() => {
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    selectionRef.current?.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }, []);
  const selectFromList = (id: string) => {
    const stacked = window.matchMedia("(max-width: 820px)").matches;
    if (stacked && id === view.event) showCard();
    else revealCard.current = stacked;
    select(id);
  };
  useEffect(() => {
    if (!revealCard.current || !selected) return;
    revealCard.current = false;
    showCard();
  }, [selected, showCard]);
  const { hovered, setHovered } = useHover();
  // A feature picked on the map: its events are listed beside the map until closed.
  const [selectedFeature, setSelectedFeature] = useState<SelectedFeature | null>(null);
  const [basemapProblem, setBasemapProblem] = useState<string | null>(null);
  const onQuery = useCallback((q: string | null) => void setView({ q }), [setView]);
  const onTypes = useCallback((types: EventType[] | null) => void setView({ types }), [setView]);
  const onLayer = useCallback((layer: string | null) => void setView({ layer }), [setView]);
  const onWindow = useCallback((from: string | null, to: string | null) => void setView({ from, to }), [setView]);
  const onToggleLayer = (id: string, on: boolean) => {
    const next = on ? [...visible, id] : visible.filter((v) => v !== id);
    const ordered = layers.map((l) => l.id).filter((l) => next.includes(l));
    // Back to "absent" when the analyst returns to the defaults, so links stay short.
    setView({ layers: ordered.join(",") === defaultVisible.join(",") ? null : ordered });
  };

  const markedIds = useMemo(() => new Set(digest.marked), [digest.marked]);

  // Back to "absent" for the newest article, so links stay short.
  const chooseArticle = useCallback((id: string) => void setView({ article: id === newest ? null : id }), [setView, newest]);
  const showSentence = useShowInArticle(article.id, chooseArticle);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.brand}>Briefmap</h1>
        <FilterBar q={view.q} types={view.types} layer={view.layer} layers={layers} typeCounts={digest.byType} onQuery={onQuery} onTypes={onTypes} onLayer={onLayer} />
        <p className={styles.status} role="status" aria-live="polite" data-testid="view-status">
          {error ? `Could not update the events (${error.message}); showing the last list, retrying.` : loading ? "Updating events…" : ""}
        </p>
        <div className={styles.actions}>
          <CopyLink />
          <ExportButtons viewQuery={serializeView(view).replace(/^\?/, "")} titleHint={selected?.title ?? (view.q ? `Events matching “${view.q}”` : "Situation map")} />
        </div>
      </header>
      <IgnoredNotice ignored={ignored} />
      <main className={styles.main}>
        <aside className={styles.left} aria-label="Events and layers">
          <EventList rows={digest.rows} count={digest.count} total={total} selectedId={view.event} onSelect={selectFromList} articleTitle={articles.length > 1 ? articleTitles : undefined} />
          <details className={styles.layersDetails} open={articles.length > 1}>
            <summary>Articles</summary>
            <ArticlesPanel articles={articles} current={article.id} onChoose={chooseArticle} />
          </details>
          <details className={styles.layersDetails} open>
            <summary>Layers and sources</summary>
            <LayersPanel layers={layers} unavailable={unavailable} visible={visible} onToggle={onToggleLayer} />
          </details>
        </aside>
        <div className={styles.mapArea}>
          <ErrorBoundary label="map">
          <MapView
            layers={layers}
            visible={visible}
            initialCamera={view.map ?? undefined}
            events={onMap}
            known={known}
            count={digest.count}
            selected={selected}
            selectedFeature={selectedFeature}
            hovered={hovered}
            onHover={setHovered}
            onSelectEvent={select}
            onSelectFeature={setSelectedFeature}
            onCameraChange={(c) => void setCamera({ map: c })}
            onBasemapError={setBasemapProblem}
          />
          </ErrorBoundary>
          {basemapProblem && (
            <p className={styles.mapNotice} role="status" data-testid="map-notice">
              The basemap could not be loaded; layers and events are shown without it.
            </p>
          )}
        </div>
        <aside className={styles.right} aria-label="Selected event and article">
          {selectedFeature && <FeatureEvents feature={selectedFeature} events={known} complete={complete} query={query} onSelect={select} onClose={() => setSelectedFeature(null)} />}
          <div ref={selectionRef} aria-live="polite" className={styles.selection}>
            {selectedInFull ? (
              <EventCard event={selectedInFull} articleTitle={articles.length > 1 ? articleTitles.get(selectedInFull.article) : undefined} onClose={() => select(null)} onShowSentence={(start) => showSentence(selectedInFull.article, start)} />
            ) : (
              <p className={styles.hint}>{selected ? `Loading “${selected.title}”…` : "Select an event in the list, on the map, on the timeline or in the article."}</p>
            )}
          </div>
          <ArticleReader article={article} spans={spans} visibleEvents={markedIds} selectedId={view.event} onSelect={select} />
        </aside>
        <div className={styles.timeline}>
          <Timeline events={known} times={digest.times} count={digest.count} allEvents={allTimes} total={total} from={view.from} to={view.to} selectedId={view.event} onSelect={select} onWindowChange={onWindow} />
        </div>
      </main>
    </div>
  );
}
