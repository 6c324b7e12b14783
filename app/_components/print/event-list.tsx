import type { PrintEvent } from "@/lib/print/model";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { eventHead, quoted } from "@/lib/print/sheet-text";
import styles from "./print.module.css";

/** One page's events, each with when, what and the article's own words, in columns. */
export function EventList({ events, columns, heightMm }: { events: PrintEvent[]; columns: number; heightMm: number }) {
  return (
    <section className={styles.list} style={{ height: `${heightMm}mm`, columnCount: columns }} aria-label="Events in view">
      <ol>
        {events.map((e) => (
          <li key={e.id} className={styles.listItem}>
            <p className={styles.eventHead}>
              <span className={styles.dot} style={{ background: EVENT_TYPE_INFO[e.type].color }} aria-hidden="true" />
              {eventHead(e)}
            </p>
            <p>{e.summary}</p>
            {e.quotes.map((q, i) => (
              <p key={i} className={styles.quote}>
                {quoted(q)}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {events.length === 0 && <p className={styles.more}>No events in this view.</p>}
    </section>
  );
}
