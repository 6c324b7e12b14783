"use client";

import { useEffect, useState } from "react";
import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";
import type { LayerSummary } from "@/lib/model/layer-summary";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import { MAX_QUERY_LENGTH } from "@/lib/view/values";
import styles from "./filters.module.css";

type Props = {
  q: string | null;
  types: EventType[] | null;
  layer: string | null;
  layers: LayerSummary[];
  /** How many events each type has under the other filters. */
  typeCounts: Partial<Record<EventType, number>>;
  onQuery: (q: string | null) => void;
  onTypes: (types: EventType[] | null) => void;
  onLayer: (layer: string | null) => void;
};

/** Text search, event types and layer filters. Text is applied as the analyst pauses typing. */
export function FilterBar({ q, types, layer, layers, typeCounts, onQuery, onTypes, onLayer }: Props) {
  const [text, setText] = useState(q ?? "");
  // When the URL's text changes from outside (Back, a link), show it; not while the analyst types it.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if ((q ?? "") !== text.trim()) setText(q ?? "");
  }
  useEffect(() => {
    const next = text.trim() || null;
    if (next === (q ?? null)) return;
    const timer = setTimeout(() => onQuery(next), 300);
    return () => clearTimeout(timer);
  }, [text, q, onQuery]);

  const active = new Set(types ?? []);
  const toggle = (t: EventType) => {
    const next = new Set(active);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    onTypes(next.size ? EVENT_TYPES.filter((x) => next.has(x)) : null);
  };

  return (
    <form className={styles.bar} role="search" aria-label="Filter events" onSubmit={(e) => { e.preventDefault(); onQuery(text.trim() || null); }}>
      <label className={styles.search}>
        <span className={styles.hidden}>Search events</span>
        <input type="search" name="q" placeholder="Search events, actors, places…" value={text} maxLength={MAX_QUERY_LENGTH} onChange={(e) => setText(e.target.value)} />
      </label>
      <fieldset className={styles.types}>
        <legend className={styles.hidden}>Event types</legend>
        {EVENT_TYPES.filter((t) => typeCounts[t] !== undefined || active.has(t)).map((t) => (
          <label key={t} className={styles.chip} data-active={active.has(t) || undefined} style={{ borderColor: EVENT_TYPE_INFO[t].color }}>
            <input type="checkbox" checked={active.has(t)} onChange={() => toggle(t)} />
            {EVENT_TYPE_INFO[t].label} <span className={styles.count}>{typeCounts[t] ?? 0}</span>
          </label>
        ))}
      </fieldset>
      <label className={styles.layer}>
        <span>Layer</span>
        <select value={layer ?? ""} onChange={(e) => onLayer(e.target.value || null)}>
          <option value="">Any</option>
          {layers.map((l) => (
            <option key={l.id} value={l.id}>{l.title}</option>
          ))}
        </select>
      </label>
    </form>
  );
}
