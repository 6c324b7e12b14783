"use client";

import useSWR from "swr";
import type { FeatureCollection } from "geojson";
import type { EventHeadline } from "@/lib/data/event-headline";
import { eventsOfFeature, type EventRelation } from "@/lib/events/membership";
import { timeLabel } from "@/lib/events/time-label";
import styles from "./events.module.css";

export type SelectedFeature = { layer: string; id: string; name: string };

const RELATION_LABEL: Record<EventRelation, string> = { in: "happened here", about: "is about this place", inside: "lies inside" };

const fetchLayer = (url: string) => fetch(url).then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : Promise.reject(new Error(`HTTP ${r.status}`))));

/**
 * The events tied to a clicked map feature: those that happened in it, are about it, or whose
 * exact point lies inside it. The layer's GeoJSON is the same URL the map loaded, so the browser cache answers.
 */
export function FeatureEvents({ feature, events, onSelect, onClose }: { feature: SelectedFeature; events: EventHeadline[]; onSelect: (id: string) => void; onClose: () => void }) {
  const { data } = useSWR(`/api/layers/${encodeURIComponent(feature.layer)}`, fetchLayer, { revalidateOnFocus: false });
  const geometry = data?.features.find((f) => String(f.id) === feature.id);
  const related = geometry ? eventsOfFeature(events, feature.layer, geometry) : [];
  return (
    <section className={styles.card} aria-labelledby="feature-events-title" data-testid="feature-events" data-feature={`${feature.layer}/${feature.id}`}>
      <header className={styles.cardHeader}>
        <h2 id="feature-events-title" className={styles.cardTitle}>{feature.name}</h2>
        <button type="button" className={styles.close} onClick={onClose} aria-label={`Close events of ${feature.name}`}>×</button>
      </header>
      {!geometry ? (
        <p className={styles.note}>Loading the place…</p>
      ) : related.length === 0 ? (
        <p className={styles.note}>No event under the current filters happened in or is about {feature.name}.</p>
      ) : (
        <ul className={styles.items}>
          {related.map(({ event, relation }) => (
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
