"use client";

import Link from "next/link";
import { useState } from "react";
import type { ArticleMeta } from "@/lib/model/schema";
import { dayLabel } from "@/lib/events/time-label";
import { fold } from "@/lib/events/filter";
import styles from "./articles.module.css";
import { useAccount } from "@/app/_components/auth/use-account";

/** An article as the panel lists it (the store's ArticleSummary: its fields and how many events it reports). */
export type ArticleEntry = Omit<ArticleMeta, "textFile" | "eventsFile"> & { eventCount: number };

type Props = {
  /** Newest first, as the store lists them. */
  articles: readonly ArticleEntry[];
  /** The article in the reader. */
  current: string;
  onChoose: (id: string) => void;
};

/** Every article with its publisher, date and number of events; choosing one opens it in the reader. */
export function ArticlesPanel({ articles, current, onChoose }: Props) {
  const [filter, setFilter] = useState("");
  // Only those who may add articles are shown the way to (the server refuses everyone else anyway).
  const { canWrite } = useAccount();
  const needle = fold(filter.trim());
  const shown = needle ? articles.filter((a) => fold(`${a.title}\n${a.publisher ?? ""}`).includes(needle)) : articles;
  return (
    <section className={styles.panel} aria-labelledby="articles-heading" data-testid="articles-panel">
      <h2 id="articles-heading" className={styles.heading}>
        Articles <span className={styles.count}>{articles.length}</span>
      </h2>
      {articles.length > 1 && (
        <input
          type="search"
          className={styles.filter}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by title or publisher"
          aria-label="Filter the articles by title or publisher"
        />
      )}
      {shown.length === 0 && <p className={styles.empty}>No article matches “{filter}”.</p>}
      <ul className={styles.list}>
        {shown.map((a) => (
          <li key={a.id}>
            <button type="button" className={styles.item} data-article-id={a.id} aria-pressed={a.id === current} onClick={() => onChoose(a.id)}>
              <span className={styles.title}>{a.title}</span>
              <span className={styles.meta}>
                {a.publisher ?? "Publisher not stated"} · {dayLabel(a.published)} · {a.eventCount} event{a.eventCount === 1 ? "" : "s"}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {canWrite && (
        <p className={styles.meta}>
          <Link href="/articles/new">Add an article</Link> · <Link href="/articles/review">Drafts to review</Link>
        </p>
      )}
    </section>
  );
}
