"use client";

import useSWR from "swr";
import type { FeatureCollection } from "geojson";
import type { EventHeadline } from "@/lib/model/event-headline";
import { LIST_ROWS } from "@/lib/events/digest";
import { eventsOfFeature, type EventRelation } from "@/lib/events/membership";
import { timeLabel } from "@/lib/events/time-label";
import { fetchEvents, fetchJson, withQuery } from "../dashboard/fetch-json";
import styles from "./events.module.css";

export type SelectedFeature = { layer: string; id: string };

const RELATION_LABEL: Record<EventRelation, string> = { in: "happened here", about: "is about this place", inside: "lies inside" };


type Props = {
  feature: SelectedFeature;
  /** The feature's property that names it (the layer's label property). */
  labelProperty: string;
  /** The filtered events the page holds: all of them when `complete`, else only the list's rows. */
  events: EventHeadline[];
  complete: boolean;
  /** The view's event filters (as /api/events reads them), to fetch the whole filtered set when the page holds only part. */
  query: string;
  onSelect: (id: string) => void;
  onClose: () => void;
};

/**
 * The events tied to a clicked map feature: those that happened in it, are about it, or whose
 * exact point lies inside it. The layer's GeoJSON is the same URL the map loaded, so the browser cache answers.
 */
export function FeatureEvents({ feature, labelProperty, events, complete, query, onSelect, onClose }: Props) {
  const { data } = useSWR(`/api/layers/${encodeURIComponent(feature.layer)}`, fetchJson<FeatureCollection>, { revalidateOnFocus: false });
  // An event may be tied to a place far from where it happened ("about"), so no spatial query can
  // narrow a large set down: its brief form is fetched whole, once per filter.
  const whole = useSWR(complete ? null : withQuery("/api/events", query, "detail=brief"), fetchEvents, { revalidateOnFocus: false });
  const pool = complete ? events : whole.data;
  const geometry = data?.features.find((f) => String(f.id) === feature.id);
  const related = geometry && pool ? eventsOfFeature(pool, feature.layer, geometry) : [];
  const label = geometry?.properties?.[labelProperty] ?? geometry?.properties?.name;
  const name = typeof label === "string" && label ? label : feature.id;
  return (
    <section className={styles.card} aria-labelledby="feature-events-title" data-testid="feature-events" data-feature={`${feature.layer}/${feature.id}`}>
      <header className={styles.cardHeader}>
        <h2 id="feature-events-title" className={styles.cardTitle}>{name}</h2>
        <button type="button" className={styles.close} onClick={onClose} aria-label={`Close events of ${name}`}>×</button>
      </header>
      {!geometry || !pool ? (
        <p className={styles.note}>{whole.error ? `Could not load the events (${whole.error.message}).` : "Loading the place and its events…"}</p>
      ) : related.length === 0 ? (
        <p className={styles.note}>No event under the current filters happened in or is about {name}.</p>
      ) : (
        <ul className={styles.items}>
          {related.length > LIST_ROWS && <li className={styles.note}>The first {LIST_ROWS} of {related.length} events; narrow the filters to see the others.</li>}
          {related.slice(0, LIST_ROWS).map(({ event, relation }) => (
            <li key={event.id}>
              <button type="button" className={styles.item} data-event-id={event.id} onClick={() => onSelect(event.id)}>
                <span className={styles.title}>{event.title}</span>
                <span className={styles.meta}>{timeLabel(event.time)} · {RELATION_LABEL[relation]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
