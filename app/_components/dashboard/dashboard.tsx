"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { LoadedEvent } from "@/lib/model/event";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import type { MapHandle } from "@/lib/map/maplibre";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import { serializeView } from "@/lib/view/view";
import type { FirstEvents } from "@/lib/view/view-events-shape";
import type { IgnoredParam } from "@/lib/view/read-view";
import { ArticlesPanel, type ArticleEntry } from "../articles/articles-panel";
import { useArticle, type ReaderArticle } from "../articles/use-article";
import { useShowInArticle } from "../articles/use-show-in-article";
import type { Span } from "../article/segments";
import { EventsByDate } from "../events/events-by-date";
import { LayersPanel } from "../layers/layers-panel";
import { MapArea } from "../map/map-area";
import { Timeline } from "../timeline/timeline";
import { DashboardHeader } from "./dashboard-header";
import { HoverProvider } from "./hover";
import { IgnoredNotice } from "./ignored-notice";
import { PanelTabs, type Panel } from "./panel-tabs";
import { countRender } from "./render-count";
import { SelectionPanel } from "./selection-panel";
import { SkipLinks } from "./skip-links";
import { useCleanUrl } from "./use-clean-url";
import { useEvents } from "./use-events";
import { useSelection } from "./use-selection";
import { useTypeCounts } from "./use-type-counts";
import { useCameraInUrl, useView } from "./use-view";
import { useViewActions } from "./use-view-actions";
import { viewLink } from "./view-link";
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

/** Lays the dashboard out and wires its parts to the view in the URL; each part owns its own behaviour. */
function DashboardBody({ layers, unavailable, articles, article: initialArticle, spans: initialSpans, allTimes, total, initial, ignored }: DashboardProps) {
  countRender("dashboard");
  const [view, setView] = useView();
  const setCamera = useCameraInUrl();
  useCleanUrl(ignored, view, setView);
  const filter = viewEventQuery(view);
  const query = eventQueryString(filter);
  const newest = articles[0]?.id ?? initialArticle.id;
  const { article, spans } = useArticle(view.article ?? newest, { article: initialArticle, spans: initialSpans });
  const told = useMemo(() => [...new Set(spans.map((s) => s.event))], [spans]);
  const { known, complete, digest, onMap, loading, error } = useEvents(query, initial, told, eventQueryString({ ...filter, article: article.id }));
  const typeCounts = useTypeCounts(view, digest.byType);
  const { selected, inFull } = useSelection(view.event, known, initial.selected);
  const articleTitles = useMemo(() => (articles.length > 1 ? new Map(articles.map((a) => [a.id, a.title])) : undefined), [articles]);

  const { visible, select, onQuery, onTypes, onLayer, onWindow, onCamera, onFeature, onToggleLayer } = useViewActions(view, setView, setCamera, layers);
  // A link to one event opens on its card (on a phone, the panels are tabs).
  const [panel, setPanel] = useState<Panel>(view.event ? "event" : "events");
  const mapHandle = useRef<MapHandle | null>(null);
  const selectAndShow = useCallback(
    (id: string) => {
      setPanel("event");
      select(id);
    },
    [select],
  );
  // Back to "absent" for the newest article, so links stay short.
  const chooseArticle = useCallback((id: string) => void setView({ article: id === newest ? null : id }), [setView, newest]);
  const showSentence = useShowInArticle(article.id, chooseArticle);
  // The link names the camera on screen, even before the throttled URL write has caught up.
  const link = () => viewLink(window.location, view, mapHandle.current?.camera());
  const markedIds = useMemo(() => new Set(digest.marked), [digest.marked]);

  return (
    <div className={styles.shell} data-panel={panel}>
      <SkipLinks />
      <DashboardHeader
        view={view}
        layers={layers}
        typeCounts={typeCounts}
        loading={loading}
        error={error}
        link={link}
        viewQuery={serializeView(view).replace(/^\?/, "")}
        titleHint={selected?.title ?? (view.q ? `Events matching “${view.q}”` : "Situation map")}
        onQuery={onQuery}
        onTypes={onTypes}
        onLayer={onLayer}
      />
      <IgnoredNotice ignored={ignored} />
      {/* Source order is the keyboard's: list, map, card and article, timeline; the grid (and on a phone, flex order) places them. */}
      <main className={styles.main}>
        <PanelTabs panel={panel} onPanel={setPanel} />
        <aside className={styles.left} id="panel-events" aria-label="Events and layers">
          <EventsByDate rows={digest.rows} all={complete ? known : null} query={query} times={digest.times} count={digest.count} total={total} selectedId={view.event} onSelect={selectAndShow} articleTitle={articleTitles} />
          <details className={styles.layersDetails} id="panel-articles" open={articles.length > 1}>
            <summary>Articles</summary>
            <ArticlesPanel articles={articles} current={article.id} onChoose={chooseArticle} />
          </details>
          <details className={styles.layersDetails} id="panel-layers" open>
            <summary>Layers and sources</summary>
            <LayersPanel layers={layers} unavailable={unavailable} visible={visible} onToggle={onToggleLayer} />
          </details>
        </aside>
        <div className={styles.mapArea}>
          <MapArea
            layers={layers}
            visible={visible}
            camera={view.map ?? undefined}
            events={onMap}
            known={known}
            count={digest.count}
            selected={selected}
            selectedFeature={view.feature}
            onSelectEvent={selectAndShow}
            onSelectFeature={(f) => {
              setPanel("event");
              onFeature(f);
            }}
            onCameraChange={onCamera}
            handleRef={mapHandle}
          />
        </div>
        <SelectionPanel
          article={article}
          spans={spans}
          markedIds={markedIds}
          selected={selected}
          inFull={inFull}
          articleTitle={inFull ? articleTitles?.get(inFull.article) : undefined}
          feature={view.feature}
          layers={layers}
          known={known}
          complete={complete}
          query={query}
          onSelect={select}
          onShowSentence={showSentence}
          onCloseFeature={() => onFeature(null)}
        />
        <div className={styles.timeline}>
          <Timeline events={known} times={digest.times} count={digest.count} allEvents={allTimes} total={total} from={view.from} to={view.to} selectedId={view.event} onSelect={selectAndShow} onWindowChange={onWindow} />
        </div>
      </main>
    </div>
  );
}
