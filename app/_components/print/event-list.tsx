import type { PrintEvent } from "@/lib/print/model";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import styles from "./print.module.css";

/** The events in view, each with when, what and the article's own words; the sheet decides how many fit. */
export function EventList({ events, shown, heightMm }: { events: PrintEvent[]; shown: number; heightMm: number }) {
  const rest = events.length - shown;
  return (
    <section className={styles.list} style={{ height: `${heightMm}mm` }} aria-label="Events in view">
      <ol>
        {events.slice(0, shown).map((e) => (
          <li key={e.id} className={styles.listItem}>
            <p className={styles.eventHead}>
              <span className={styles.dot} style={{ background: EVENT_TYPE_INFO[e.type].color }} aria-hidden="true" />
              {e.dateLabel} · {e.title}
            </p>
            <p>{e.summary}</p>
            {e.quotes.map((q, i) => (
              <p key={i} className={styles.quote}>“{q}”</p>
            ))}
          </li>
        ))}
      </ol>
      {rest > 0 && <p className={styles.more}>{events.length === 0 ? "" : `… and ${rest} more event${rest > 1 ? "s" : ""}: open the link for all of them.`}</p>}
      {events.length === 0 && <p className={styles.more}>No events in this view.</p>}
    </section>
  );
}
