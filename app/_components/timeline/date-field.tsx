"use client";

import { useState } from "react";
import styles from "./timeline.module.css";

/** A date input that lets the analyst type freely and reports only complete dates. */
export function DateField({ label, value, min, max, onChange }: { label: string; value: string | null; min: string; max: string; onChange: (v: string | null) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  // Follow the window when it changes elsewhere (the brush), without fighting the user's typing.
  if (value !== seen) {
    setSeen(value);
    setDraft(value ?? "");
  }
  return (
    <label className={styles.field}>
      {label}
      <input
        type="date"
        value={draft}
        min={min}
        max={max}
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          // While a year is being typed the input briefly holds dates like 0002-08-20: ignore those.
          if (v === "") onChange(null);
          else if (/^[1-9]\d{3}-\d{2}-\d{2}$/.test(v)) onChange(v);
        }}
      />
    </label>
  );
}

