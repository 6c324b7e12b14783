import type { ReviewMention } from "@/lib/ingest/review-types";
import styles from "./ingest.module.css";

/**
 * The article as plain text with its mentions marked: React text nodes and <mark> elements only,
 * so whatever the text holds (HTML, scripts) is shown as characters and never run or rendered.
 */
export function HighlightedText({ text, mentions, current }: { text: string; mentions: readonly ReviewMention[]; current?: { start: number; end: number } | null }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  // Overlapping mentions ("since … December" over "December"): the first, longest one is marked.
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of sorted) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    const kind = m.reading === null ? styles.unresolved : m.kind === "place" ? styles.place : styles.date;
    const inCurrent = current && m.start >= current.start && m.end <= current.end;
    parts.push(
      <mark key={`${m.kind}-${m.start}`} className={`${kind} ${inCurrent ? styles.current : ""}`} title={`${m.kind}: ${m.reading ?? "not resolved"} (${m.why})${m.alternatives?.length ? `; other places of this name: ${m.alternatives.join("; ")}` : ""}`} data-mention={m.kind}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p className={styles.articleText}>{parts}</p>;
}
