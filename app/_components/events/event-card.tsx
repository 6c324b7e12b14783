"use client";

import type { LoadedEvent } from "@/lib/model/event";
import type { Place } from "@/lib/model/place";
import { timeLabel } from "@/lib/events/time-label";
import { EVENT_TYPE_INFO, GEO_PRECISION_LABEL } from "@/lib/model/vocabulary";
import styles from "./events.module.css";
import { AuthorshipLine } from "../auth/authorship-line";

type Props = { event: LoadedEvent; articleTitle?: string; onClose: () => void; onShowSentence: (start: number) => void };

/** The selected event in full: every field comes from data and is rendered as text. */
export function EventCard({ event, articleTitle, onClose, onShowSentence }: Props) {
  const info = EVENT_TYPE_INFO[event.type];
  return (
    <article className={styles.card} aria-labelledby="event-card-title" data-testid="event-card" data-event-id={event.id}>
      <header className={styles.cardHeader}>
        <span className={styles.type} style={{ borderColor: info.color }}>{info.label}</span>
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close event details">×</button>
      </header>
      <h2 id="event-card-title" className={styles.cardTitle}>{event.title}</h2>
      <p>{event.summary}</p>
      <dl className={styles.fields}>
        <dt>When</dt>
        <dd>
          {timeLabel(event.time)} <span className={styles.phrase}>(“{event.time.phrase}”)</span>
          {event.time.note && <span className={styles.note}>{event.time.note}</span>}
        </dd>
        <dt>Where</dt>
        <dd>
          <PlaceText place={event.place} /> <span className={styles.note}>Precision: {GEO_PRECISION_LABEL[event.geoPrecision]}</span>
        </dd>
        {event.aboutPlaces.length > 0 && (
          <>
            <dt>About</dt>
            <dd>
              {event.aboutPlaces.map((p) => (
                <PlaceText key={`${p.layer}/${p.feature}/${p.name}`} place={p} />
              ))}
            </dd>
          </>
        )}
        <dt>Actors</dt>
        <dd>{event.actors.join("; ")}</dd>
      </dl>
      <AuthorshipLine entity="event" id={event.id} className={styles.note} />
      <h3 className={styles.sourcesHeading} data-testid="event-card-article">{articleTitle ? `Reported in “${articleTitle}”` : "Reported in the article"}</h3>
      {event.sources.map((s) => (
        <blockquote key={s.start} className={styles.quote}>
          {s.quote}{" "}
          <button type="button" className={styles.link} onClick={() => onShowSentence(s.start)}>
            Show in article
          </button>
        </blockquote>
      ))}
    </article>
  );
}

function PlaceText({ place }: { place: Place }) {
  return (
    <span className={styles.place}>
      {place.name}
      {place.note && <span className={styles.note}>{place.note}</span>}
    </span>
  );
}
