"use client";

import { useMemo } from "react";
import useSWR from "swr";
import { isFullEvent, type EventHeadline } from "@/lib/model/event-headline";
import type { LoadedEvent } from "@/lib/model/event";
import { digestOf, type EventDigest } from "@/lib/events/digest";
import type { FirstEvents } from "@/lib/view/first-view";
import { fetchEvents, fetchJson, withQuery, worthRetrying } from "./fetch-json";

export type EventsState = {
  /** Every event the filters keep when the set is small enough to hold; else the list's first rows. */
  known: EventHeadline[];
  digest: EventDigest;
  /** What the map draws: the events themselves, or the API URL its worker fetches them from. */
  onMap: readonly EventHeadline[] | string;
  loading: boolean;
  error: Error | undefined;
};

/**
 * Events matching the view's filters. The server's answer for the first view seeds the cache, and
 * the previous answer stays on screen while a new one loads, so a filter change never flashes empty.
 * When the server had too many to put in the page, the page holds only their digest and the map
 * fetches the events itself, in its worker, as a bare MapLibre page would.
 */
export function useEvents(query: string, initial: FirstEvents, isMarked: (e: EventHeadline) => boolean): EventsState {
  const seeded = query === initial.query;
  const swrOptions = {
    // SWR returns the previous key's data over fallbackData for a key it never fetched: coming back
    // to the first view (Back, clearing a filter) would keep the last filter's answer on screen.
    keepPreviousData: !seeded,
    revalidateOnFocus: false,
    revalidateIfStale: !seeded,
    errorRetryInterval: 2000,
    // A refused query (HTTP 4xx) is refused again on every retry: say so once instead of retrying for ever.
    onErrorRetry: (error: unknown, _key: string, _config: unknown, revalidate: (o: { retryCount: number }) => void, { retryCount }: { retryCount: number }) => {
      if (!worthRetrying(error)) return;
      setTimeout(() => revalidate({ retryCount }), 2000 * Math.min(2 ** retryCount, 16));
    },
  };
  const small = useSWR(initial.complete ? withQuery("/api/events", query) : null, fetchEvents, { ...swrOptions, fallbackData: initial.complete && seeded ? initial.events : undefined });
  const large = useSWR(initial.complete ? null : withQuery("/api/events/digest", query), fetchJson<EventDigest>, {
    ...swrOptions,
    fallbackData: !initial.complete && seeded ? initial.digest : undefined,
  });
  const events = small.data ?? initial.events;
  const smallDigest = useMemo(() => digestOf(events, isMarked), [events, isMarked]);
  if (initial.complete) return { known: events, digest: smallDigest, onMap: events, loading: small.isLoading, error: small.error };
  const digest = large.data ?? initial.digest;
  return { known: digest.rows, digest, onMap: withQuery("/api/events", query, "detail=marker"), loading: large.isLoading, error: large.error };
}

/** An event in full by its id (null until it arrives, or when no event has that id). */
export function useEventById(id: string | null): LoadedEvent | null {
  const { data } = useSWR(id ? `/api/events?id=${encodeURIComponent(id)}` : null, fetchEvents, { revalidateOnFocus: false });
  const found = data?.[0];
  return found && isFullEvent(found) ? found : null;
}
