"use client";

import { EVENT_TYPES, type EventType } from "@/lib/model/event-types";
import { GEO_PRECISIONS, TIME_PRECISIONS, type BriefEvent, type GeoPrecision } from "@/lib/model/schema";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import type { FeatureChoice, ReviewPlace } from "@/lib/ingest/review-types";
import styles from "./ingest.module.css";

export type Decision = "pending" | "accepted" | "rejected";

type Props = {
  event: BriefEvent;
  place: ReviewPlace;
  decision: Decision;
  selected: boolean;
  features: readonly FeatureChoice[];
  /** Places the analyst set by hand for unresolved mentions, offered like features. */
  handPlaced: readonly ReviewPlace[];
  onSelect: () => void;
  onDecide: (decision: Decision) => void;
  onChange: (event: BriefEvent, place?: ReviewPlace) => void;
  onPickOnMap: () => void;
};

const placeKey = (p: ReviewPlace) => (p.layer ? `f:${p.layer}/${p.feature}` : `p:${p.name}|${p.point.join(",")}`);

/** One drafted event: what decided it, accept or reject, and every field the analyst may correct. */
export function DraftCard({ event, place, decision, selected, features, handPlaced, onSelect, onDecide, onChange, onPickOnMap }: Props) {
  const id = event.id;
  const set = (patch: Partial<BriefEvent>, newPlace?: ReviewPlace) => onChange({ ...event, ...patch }, newPlace);
  const choices: ReviewPlace[] = [...features, ...handPlaced];
  if (!choices.some((c) => placeKey(c) === placeKey(place))) choices.unshift(place);
  const quote = event.sources[0]?.quote ?? "";
  return (
    <li className={styles.draft} data-decision={decision} data-selected={selected} data-draft={id} style={{ borderLeftColor: EVENT_TYPE_INFO[event.type].color }}>
      <div className={styles.draftHead}>
        <button type="button" className={styles.draftTitle} onClick={onSelect} aria-expanded={selected} title="Show on the map and edit">
          {event.title}
        </button>
        <span className={styles.confidence}>confidence {Math.round((event.review?.confidence ?? 0) * 100)}%</span>
      </div>
      <blockquote className={styles.quote}>{quote}</blockquote>
      <div className={styles.decision} role="group" aria-label={`Decision on ${event.title}`}>
        <button type="button" aria-pressed={decision === "accepted"} onClick={() => onDecide(decision === "accepted" ? "pending" : "accepted")}>
          Accept
        </button>
        <button type="button" aria-pressed={decision === "rejected"} onClick={() => onDecide(decision === "rejected" ? "pending" : "rejected")}>
          Reject
        </button>
      </div>
      {!selected && (
        <p className={styles.cues}>
          {EVENT_TYPE_INFO[event.type].label} · {event.time.start}
          {event.time.end !== event.time.start ? ` to ${event.time.end}` : ""} · {place.name} · {event.actors.join(", ")}
        </p>
      )}
      {/* Only the selected draft opens its fields: eighteen open forms would bury the list. */}
      {selected && decision !== "rejected" && (
        <div className={styles.editGrid}>
          <label className={styles.field}>
            <span>Type</span>
            <select name="type" value={event.type} onChange={(e) => set({ type: e.target.value as EventType, title: `${EVENT_TYPE_INFO[e.target.value as EventType].label}: ${place.name}` })}>
              {EVENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {EVENT_TYPE_INFO[t].label}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span>From</span>
            <input type="date" value={event.time.start} onChange={(e) => e.target.value && set({ time: { ...event.time, start: e.target.value, end: e.target.value > event.time.end ? e.target.value : event.time.end } })} />
          </label>
          <label className={styles.field}>
            <span>To</span>
            <input type="date" value={event.time.end} min={event.time.start} onChange={(e) => e.target.value && set({ time: { ...event.time, end: e.target.value } })} />
          </label>
          <label className={styles.field}>
            <span>Precision</span>
            <select value={event.time.precision} onChange={(e) => set({ time: { ...event.time, precision: e.target.value as BriefEvent["time"]["precision"] } })}>
              {TIME_PRECISIONS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className={styles.field} style={{ gridColumn: "1 / -1" }}>
            <span>Place</span>
            <select
              name="place"
              value={placeKey(place)}
              onChange={(e) => {
                const chosen = choices.find((c) => placeKey(c) === e.target.value);
                if (chosen) set({ where: chosen.layer && chosen.feature ? { layer: chosen.layer, feature: chosen.feature } : { name: chosen.name, point: chosen.point }, title: `${EVENT_TYPE_INFO[event.type].label}: ${chosen.name}` }, chosen);
              }}
            >
              {choices.map((c) => (
                <option key={placeKey(c)} value={placeKey(c)}>
                  {c.name}
                  {"layerTitle" in c ? ` — ${(c as FeatureChoice).layerTitle}` : c.layer ? "" : " (point)"}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={styles.secondary} onClick={onPickOnMap}>
            Pick the place on the map
          </button>
          <label className={styles.field}>
            <span>Place precision</span>
            <select value={event.geoPrecision} onChange={(e) => set({ geoPrecision: e.target.value as GeoPrecision })}>
              {GEO_PRECISIONS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className={styles.field} style={{ gridColumn: "1 / -1" }}>
            <span>Actors (one per line)</span>
            <textarea rows={2} value={event.actors.join("\n")} onChange={(e) => set({ actors: e.target.value.split("\n") })} />
          </label>
          <label className={styles.field} style={{ gridColumn: "1 / -1" }}>
            <span>Summary</span>
            <textarea rows={3} value={event.summary} onChange={(e) => set({ summary: e.target.value })} />
          </label>
        </div>
      )}
      <details className={styles.cues}>
        <summary>Why this draft</summary>
        <ul>
          {(event.review?.cues ?? []).map((c) => (
            <li key={c}>{c}</li>
          ))}
          <li>
            time: {event.time.phrase} → {event.time.start}
            {event.time.end !== event.time.start ? ` to ${event.time.end}` : ""} ({event.time.precision}
            {event.time.bound && event.time.bound !== "exact" ? `, ${event.time.bound}` : ""})
          </li>
        </ul>
      </details>
    </li>
  );
}
