"use client";

import useSWR from "swr";
import type { FeatureCollection, Point } from "geojson";
import { isFullEvent, type EventHeadline } from "@/lib/data/event-headline";
import type { LoadedEvent } from "@/lib/data/read-article";

export type EventsState = { events: EventHeadline[]; loading: boolean; error: Error | undefined };

async function fetchEvents(url: string): Promise<EventHeadline[]> {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return (body as FeatureCollection<Point>).features.map((f) => f.properties as EventHeadline);
}

type Initial = { query: string; events: LoadedEvent[]; complete: boolean };

/**
 * Events matching the view's filters. The server's answer for the first view seeds the cache, and
 * the previous list stays on screen while a new one loads, so a filter change never flashes empty.
 * When the server had too many to put in the page, only what lists and maps draw is fetched.
 */
export function useEvents(query: string, initial: Initial): EventsState {
  const params = [query, initial.complete ? "" : "detail=brief"].filter(Boolean).join("&");
  const key = `/api/events${params ? `?${params}` : ""}`;
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

/** The selected event in full: at hand when the list carries full events, else fetched by its id. */
export function useFullEvent(selected: EventHeadline | null): LoadedEvent | null {
  const needed = selected && !isFullEvent(selected) ? `/api/events?id=${encodeURIComponent(selected.id)}` : null;
  const { data } = useSWR(needed, fetchEvents, { revalidateOnFocus: false });
  if (!selected) return null;
  if (isFullEvent(selected)) return selected;
  const full = data?.[0];
  return full && isFullEvent(full) ? full : null;
}
