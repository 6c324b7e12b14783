"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { EventTime } from "@/lib/model/schema";
import { LIST_PAGE, MAX_PAGE, writeCursor } from "@/lib/events/list-cursor";
import { fetchEvents, withQuery } from "../dashboard/fetch-json";

/** Where each time span (start, end) begins in the list: the timeline's counts, in list order. */
function spanStarts(times: readonly { time: EventTime; count: number }[]) {
  const spans: { start: string; end: string; first: number }[] = [];
  let at = 0;
  for (const { time, count } of [...times].sort((a, b) => (a.time.start < b.time.start ? -1 : a.time.start > b.time.start ? 1 : a.time.end < b.time.end ? -1 : a.time.end > b.time.end ? 1 : 0))) {
    const last = spans.at(-1);
    if (!last || last.start !== time.start || last.end !== time.end) spans.push({ start: time.start, end: time.end, first: at });
    at += count;
  }
  return spans;
}

/** The span holding list position `index` (binary search over the spans' first positions). */
function spanAt(spans: ReturnType<typeof spanStarts>, index: number) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.first <= index) lo = mid;
    else hi = mid - 1;
  }
  return spans[lo];
}

/**
 * The list's rows of a filter of any size, fetched a page at a time as they scroll into view.
 * The store pages by keyset (after an event), never by offset; a page far down starts at the first
 * event of the time span holding it (the digest's counts per span say where each span begins) and
 * skips the few before it, so that End reaches the last of a million events in one request.
 * `all`: the events when the page holds every one (nothing is fetched then).
 */
export function useListPages(query: string, count: number, times: readonly { time: EventTime; count: number }[], first: readonly EventHeadline[], all: readonly EventHeadline[] | null) {
  const spans = useMemo(() => spanStarts(times), [times]);
  // Rows belong to a filter and to the digest they are placed by (the view's query changes before
  // its digest arrives): a new one of either starts again from its first rows.
  const digestKey = `${query}|${count}|${first[0]?.id ?? ""}|${times.length}`;
  const seed = useCallback(() => new Map<number, readonly EventHeadline[]>(first.length ? [[0, first.slice(0, LIST_PAGE)]] : []), [first]);
  const [state, setState] = useState(() => ({ key: digestKey, pages: seed() }));
  const pages = state.key === digestKey ? state.pages : seed();
  const asked = useRef({ key: digestKey, pages: new Set<number>() });
  const key = useRef(digestKey);
  useEffect(() => {
    key.current = digestKey;
  }, [digestKey]);

  const load = useCallback(
    async (page: number) => {
      if (asked.current.key !== digestKey) asked.current = { key: digestKey, pages: new Set() };
      const askedPages = asked.current.pages;
      if (all || askedPages.has(page)) return;
      askedPages.add(page);
      const index = page * LIST_PAGE;
      const span = spanAt(spans, index);
      if (!span) return;
      const skip = index - span.first;
      const base = withQuery("/api/events", query, "detail=brief");
      const forKey = digestKey;
      try {
        let rows: EventHeadline[];
        if (skip + LIST_PAGE <= MAX_PAGE) {
          // "" sorts before every id: the page starts at the span's first event.
          const after = writeCursor({ start: span.start, end: span.end, id: "" });
          rows = (await fetchEvents(`${base}&limit=${skip + LIST_PAGE}&after=${encodeURIComponent(after)}`)).slice(skip);
        } else {
          // A span longer than a page can skip: walk on from the page before (rare: one day holding 10,000 events).
          const before = pages.get(page - 1)?.at(-1);
          if (!before) return void askedPages.delete(page);
          rows = await fetchEvents(`${base}&limit=${LIST_PAGE}&after=${encodeURIComponent(writeCursor({ start: before.time.start, end: before.time.end, id: before.id }))}`);
        }
        if (key.current !== forKey) return;
        setState((now) => ({ key: forKey, pages: new Map(now.key === forKey ? now.pages : seed()).set(page, rows.slice(0, LIST_PAGE)) }));
      } catch {
        askedPages.delete(page); // asked again when it scrolls into view again
      }
    },
    [all, spans, query, pages, seed, digestKey],
  );

  const rowAt = useCallback((index: number): EventHeadline | undefined => (all ? all[index] : pages.get(Math.floor(index / LIST_PAGE))?.[index % LIST_PAGE]), [all, pages]);
  const ensure = useCallback(
    (from: number, to: number) => {
      if (all || count === 0) return;
      for (let p = Math.floor(from / LIST_PAGE); p <= Math.floor(Math.min(to, count - 1) / LIST_PAGE); p++) if (!pages.has(p)) void load(p);
    },
    [all, count, pages, load],
  );
  return { rowAt, ensure };
}
