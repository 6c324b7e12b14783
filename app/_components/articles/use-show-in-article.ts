"use client";

import { useEffect, useRef } from "react";

/**
 * "Show in article": scrolls the reader to a sentence of an event's own article and focuses it. When
 * that article is not the one in the reader, the reader switches to it first and the sentence is
 * shown once the article has arrived (its marks carry `data-start`).
 */
export function useShowInArticle(readerArticle: string, chooseArticle: (id: string) => void): (article: string, start: number) => void {
  const pending = useRef<{ article: string; start: number } | null>(null);

  useEffect(() => {
    const wanted = pending.current;
    if (!wanted || wanted.article !== readerArticle) return;
    pending.current = null;
    // The reader renders the new article in this commit; the marks exist after it paints.
    requestAnimationFrame(() => reveal(wanted.start));
  }, [readerArticle]);

  return (article, start) => {
    if (article === readerArticle) return reveal(start);
    pending.current = { article, start };
    chooseArticle(article);
  };
}

function reveal(start: number) {
  const mark = document.querySelector<HTMLElement>(`mark[data-start="${start}"]`);
  mark?.scrollIntoView({ block: "center", behavior: "smooth" });
  mark?.focus({ preventScroll: true });
}
