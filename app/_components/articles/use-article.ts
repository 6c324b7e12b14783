"use client";

import useSWR from "swr";
import type { Article } from "@/lib/model/event";
import type { Span } from "../article/segments";
import { fetchJson } from "../dashboard/fetch-json";

export type ReaderArticle = Omit<Article, "textFile" | "eventsFile">;
type Answer = ReaderArticle & { spans: Span[] };

/**
 * The article in the reader with its marked sentences. The one the page came with is in the HTML;
 * another one picked in the articles panel (or by Back) is fetched, and the previous one stays on
 * screen until it arrives.
 */
export function useArticle(id: string, initial: { article: ReaderArticle; spans: Span[] }): { article: ReaderArticle; spans: Span[]; loading: boolean; error: Error | undefined } {
  const seeded = id === initial.article.id;
  const { data, isLoading, error } = useSWR(seeded ? null : `/api/articles/${encodeURIComponent(id)}`, fetchJson<Answer>, {
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
  if (seeded || !data) return { ...initial, loading: isLoading, error };
  const { spans, ...article } = data;
  return { article, spans, loading: isLoading, error };
}
