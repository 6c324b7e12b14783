"use client";

import { useState } from "react";
import { dayText } from "./day-text";
import { DateField } from "./date-field";
import styles from "./timeline.module.css";

type Props = {
  from: string | null;
  to: string | null;
  domain: { start: string; end: string };
  onWindowChange: (from: string | null, to: string | null) => void;
};

/** The window's two days as fields; a window that would end before it starts is refused, with a message. */
export function WindowFields({ from, to, domain, onWindowChange }: Props) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const setWindow = (f: string | null, t: string | null) => {
    if (f && t && f > t) {
      setRefusal(`Not applied: “From” (${dayText(f)}) must be on or before “To” (${dayText(t)}).`);
      return;
    }
    setRefusal(null);
    onWindowChange(f, t);
  };
  return (
    <div className={styles.controls}>
      <DateField label="From" value={from} min={domain.start} max={to ?? domain.end} onChange={(f) => setWindow(f, to)} />
      <DateField label="To" value={to} min={from ?? domain.start} max={domain.end} onChange={(t) => setWindow(from, t)} />
      {from || to ? (
        <button type="button" className={styles.clear} onClick={() => setWindow(null, null)}>
          Clear window
        </button>
      ) : (
        <span className={styles.hint}>Drag across the timeline to choose a time window.</span>
      )}
      {refusal && (
        <span className={styles.problem} role="alert" data-testid="window-refusal">
          {refusal}
        </span>
      )}
    </div>
  );
}
