"use client";

import { useEffect, useRef } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import { timeLabel } from "@/lib/events/time-label";
import { EVENT_TYPE_INFO } from "@/lib/model/vocabulary";
import styles from "./map.module.css";

type Props = {
  ids: string[];
  /** Where the group was clicked, in map pixels: the list opens beside it. */
  at: { x: number; y: number };
  /** The events the page holds; one it does not (a large set) is listed by its id. */
  known: readonly EventHeadline[];
  onSelect: (id: string) => void;
  onClose: () => void;
};

/** The events of a group no zoom can split (all at one point), each selectable. */
export function ClusterList({ ids, at, known, onSelect, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector("button")?.focus();
  }, [ids]);
  const byId = new Map(known.map((e) => [e.id, e]));
  return (
    <div
      ref={box}
      className={styles.clusterList}
      style={{ left: at.x, top: at.y }}
      role="dialog"
      aria-label={`${ids.length} events at this point`}
      data-testid="cluster-list"
      data-map-overlay
      onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), onClose())}
    >
      <header className={styles.clusterHeader}>
        <strong>{ids.length} events at this point</strong>
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close the list of events at this point">×</button>
      </header>
      <ul>
        {ids.map((id) => {
          const e = byId.get(id);
          return (
            <li key={id}>
              <button type="button" data-event-id={id} onClick={() => onSelect(id)} style={e ? { borderLeftColor: EVENT_TYPE_INFO[e.type].color } : undefined}>
                <span className={styles.clusterTitle}>{e?.title ?? id}</span>
                {e && <span className={styles.clusterMeta}>{timeLabel(e.time)} · {e.place.name}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
