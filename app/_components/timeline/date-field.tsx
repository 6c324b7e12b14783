"use client";

import { useId, useRef, useState } from "react";
import { dayText, parseDayText } from "./day-text";
import styles from "./timeline.module.css";

type Props = { label: string; value: string | null; min: string; max: string; onChange: (v: string | null) => void };

/**
 * A day written as the app writes it ("20 Aug 2025"), typed freely and applied on Enter or when
 * leaving the field; a calendar button opens the browser's own picker on a hidden date input.
 */
export function DateField({ label, value, min, max, onChange }: Props) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value ? dayText(value) : "");
  const [seen, setSeen] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // Follow the window when it changes elsewhere (the brush, Back), without fighting the typing.
  if (value !== seen) {
    setSeen(value);
    setDraft(value ? dayText(value) : "");
    setProblem(null);
  }
  const apply = () => {
    if (draft.trim() === "") {
      setProblem(null);
      if (value !== null) onChange(null);
      return;
    }
    const day = parseDayText(draft);
    if (!day) return setProblem(`Write a day like ${dayText(max)}.`);
    setProblem(null);
    setDraft(dayText(day));
    if (day !== value) onChange(day);
  };
  return (
    <span className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        placeholder={dayText(label === "From" ? min : max)}
        value={draft}
        size={11}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          apply();
        }}
      />
      <button
        type="button"
        className={styles.calendar}
        aria-label={`Choose the ${label.toLowerCase()} day on a calendar`}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            picker.current?.focus();
          }
        }}
      >
        <span className={styles.calendarIcon} aria-hidden="true" />
      </button>
      <input
        ref={picker}
        type="date"
        className={styles.picker}
        tabIndex={-1}
        aria-hidden="true"
        value={value ?? ""}
        min={min}
        max={max}
        onChange={(e) => {
          const day = e.target.value;
          if (/^[1-9]\d{3}-\d{2}-\d{2}$/.test(day)) onChange(day);
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className={styles.problem} role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
