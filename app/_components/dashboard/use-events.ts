"use client";

import { useMemo } from "react";
import useSWR from "swr";
import type { EventHeadline } from "@/lib/model/event-headline";
import { isFullEvent } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import { digestOf, type EventDigest } from "@/lib/events/digest";
import type { FirstEvents, ViewEvents } from "@/lib/view/view-events-shape";
import { tilesUrl } from "@/lib/map/event-tiles";
import { fetchEvents, fetchJson, withQuery, worthRetrying } from "./fetch-json";

export type EventsState = {
  /** Every event the filters keep when the set is small enough to hold; else the list's first rows. */
  known: EventHeadline[];
  /** Whether `known` holds every event the filters keep. */
  complete: boolean;
  digest: EventDigest;
  /** What the map draws: the events themselves, or the vector tile URL template of a large set. */
  onMap: readonly EventHeadline[] | string;
  loading: boolean;
  error: Error | undefined;
};

const swrBase = {
  revalidateOnFocus: false,
  errorRetryInterval: 2000,
  // A refused query (HTTP 4xx) is refused again on every retry: say so once instead of retrying for ever.
  onErrorRetry: (error: unknown, _key: string, _config: unknown, revalidate: (o: { retryCount: number }) => void, { retryCount }: { retryCount: number }) => {
    if (!worthRetrying(error)) return;
    setTimeout(() => revalidate({ retryCount }), 2000 * Math.min(2 ** retryCount, 16));
  },
};

/**
 * Events matching the view's filters. The server answers each filter as small (every event) or
 * large (a digest, the map fetching markers) by how many match it, so a narrow first link and a
 * later "clear filters" each get the form their own size calls for. The server's answer for the
 * first view seeds the cache, and the previous answer stays on screen while a new one loads.
 * `marks` are the ids of the reader's article's events: which of them the filters keep marks sentences.
 */
export function useEvents(query: string, initial: FirstEvents, marks: readonly string[], markedQuery: string): EventsState {
  const seeded = query === initial.query;
  const answer = useSWR(withQuery("/api/events/view", query), fetchJson<ViewEvents>, {
    ...swrBase,
    // SWR returns the previous key's data over fallbackData for a key it never fetched: coming back
    // to the first view (Back, clearing a filter) would keep the last filter's answer on screen.
    keepPreviousData: !seeded,
    revalidateIfStale: !seeded,
    fallbackData: seeded ? initial : undefined,
  });
  const current: ViewEvents = answer.data ?? initial;
  // Of a large set the page holds no events: the reader's article's events that pass come from the API.
  const seededMarks = seeded && markedQuery === initial.markedQuery;
  const marked = useSWR(current.complete || seededMarks ? null : withQuery("/api/events", markedQuery, "detail=marker"), fetchEvents, { ...swrBase, keepPreviousData: true });
  const events = current.complete ? current.events : null;
  const told = useMemo(() => new Set(marks), [marks]);
  const smallDigest = useMemo(() => (events ? digestOf(events, (e) => told.has(e.id)) : null), [events, told]);
  if (current.complete && smallDigest) return { known: current.events, complete: true, digest: smallDigest, onMap: current.events, loading: answer.isLoading, error: answer.error };
  const digest = current.complete ? emptyDigest : current.digest;
  const markedIds = seededMarks ? digest.marked : (marked.data ?? []).map((e) => e.id);
  return {
    known: digest.rows,
    complete: false,
    digest: { ...digest, marked: markedIds },
    onMap: tilesUrl(query),
    loading: answer.isLoading,
    error: answer.error ?? marked.error,
  };
}

const emptyDigest: EventDigest = { count: 0, byType: {}, times: [], rows: [], marked: [] };

/** An event in full by its id (null until it arrives, or when no event has that id). */
export function useEventById(id: string | null): LoadedEvent | null {
  const { data } = useSWR(id ? `/api/events?id=${encodeURIComponent(id)}` : null, fetchEvents, { revalidateOnFocus: false });
  const found = data?.[0];
  return found && isFullEvent(found) ? found : null;
}
