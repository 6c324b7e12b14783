"use client";

import useSWR from "swr";
import type { FeatureCollection, Point } from "geojson";
import type { LoadedEvent } from "@/lib/data/read-article";

export type EventsState = { events: LoadedEvent[]; loading: boolean; error: Error | undefined };

async function fetchEvents(url: string): Promise<LoadedEvent[]> {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return (body as FeatureCollection<Point>).features.map((f) => {
    const { place, aboutPlaces, ...fields } = f.properties as LoadedEvent;
    return { ...fields, place, aboutPlaces } as LoadedEvent;
  });
}

/**
 * Events matching the view's filters. The server's answer for the first view seeds the cache, and
 * the previous list stays on screen while a new one loads, so a filter change never flashes empty.
 */
export function useEvents(query: string, initial: { query: string; events: LoadedEvent[]; complete: boolean }): EventsState {
  const key = `/api/events${query ? `?${query}` : ""}`;
  const seeded = initial.complete && query === initial.query;
  const { data, error, isLoading } = useSWR(key, fetchEvents, {
    fallbackData: seeded ? initial.events : undefined,
    // SWR returns the previous key's data over fallbackData for a key it never fetched: coming back
    // to the first view (Back, clearing a filter) would keep the last filter's list on screen.
    keepPreviousData: !seeded,
    revalidateOnFocus: false,
    revalidateIfStale: !seeded,
    errorRetryInterval: 2000,
  });
  return { events: data ?? initial.events, loading: isLoading, error };
}
