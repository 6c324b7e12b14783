"use client";

import useSWR from "swr";
import type { EventType } from "@/lib/model/schema";
import type { EventDigest } from "@/lib/events/digest";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import type { View } from "@/lib/view/view";
import { fetchJson, withQuery } from "./fetch-json";

/**
 * How many events each type chip would show: counted under every filter but the types themselves,
 * so that ticking one type never hides the others. Without a types filter the view's own digest says it.
 */
export function useTypeCounts(view: View, byType: EventDigest["byType"]): Partial<Record<EventType, number>> {
  const typed = !!view.types?.length;
  const others = eventQueryString(viewEventQuery({ ...view, types: null }));
  const { data } = useSWR(typed ? withQuery("/api/events/digest", others) : null, fetchJson<EventDigest>, { revalidateOnFocus: false, keepPreviousData: true });
  if (!typed) return byType;
  return data?.byType ?? byType;
}
