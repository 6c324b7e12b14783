"use client";

import { useState } from "react";
import type { LayerSummary } from "@/lib/model/layer-summary";
import { Review } from "./review";
import { extract, SaveError } from "./save";
import type { FeatureChoice, ReviewPayload } from "@/lib/ingest/review-types";
import styles from "./ingest.module.css";

const LANGUAGES = [
  ["en", "English"],
  ["fr", "French (dates read; events in English words only)"],
  ["ar", "Arabic (dates read; events in English words only)"],
  ["de", "German (dates read; events in English words only)"],
  ["es", "Spanish (dates read; events in English words only)"],
] as const;

/** Largest file read in the browser: the server reads at most 1,000,000 characters of text. */
const MAX_FILE_BYTES = 3 * 1024 * 1024;

/** Paste or upload an article, give its fields, and read it: the drafts then come up for review. */
export function IngestForm({ layers, features, today }: { layers: LayerSummary[]; features: FeatureChoice[]; today: string }) {
  const [form, setForm] = useState({ text: "", published: "", title: "", publisher: "", url: "", language: "en" });
  const [payload, setPayload] = useState<ReviewPayload | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  if (payload) return <Review payload={payload} layers={layers} features={features} onBack={() => setPayload(null)} />;

  const read = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPayload(await extract(form));
    } catch (err) {
      setError(err instanceof SaveError ? { field: err.field, message: err.message } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError({ field: "text", message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; an article's text is at most about 1 MB` });
      return;
    }
    // The file's characters go into the text box; an HTML page is reduced to its text on the server, never shown as HTML.
    const text = await file.text();
    setForm((f) => ({ ...f, text, title: f.title || file.name.replace(/\.(txt|html?)$/i, "") }));
  };

  const invalid = (field: string) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": "ingest-error" } : {});
  return (
    <form className={styles.form} onSubmit={read} noValidate>
      <p className={styles.hint}>
        Paste the article&apos;s text (or upload a .txt or .html file). Places, dates and events are drafted from it; nothing is saved until you review the drafts and save.
      </p>
      <label className={styles.field}>
        <span>Article text</span>
        <textarea className={styles.textarea} value={form.text} onChange={set("text")} required {...invalid("text")} />
      </label>
      <label className={styles.field}>
        <span>Or upload a file</span>
        <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={upload} />
      </label>
      <div className={styles.fields}>
        <label className={styles.field}>
          <span>Published (date)</span>
          <input type="date" value={form.published} max={today} onChange={set("published")} required {...invalid("published")} />
        </label>
        <label className={styles.field}>
          <span>Title</span>
          <input value={form.title} onChange={set("title")} placeholder="First line of the text if empty" {...invalid("title")} />
        </label>
        <label className={styles.field}>
          <span>Publisher</span>
          <input value={form.publisher} onChange={set("publisher")} />
        </label>
        <label className={styles.field}>
          <span>URL</span>
          <input type="url" value={form.url} onChange={set("url")} placeholder="https://…" {...invalid("url")} />
        </label>
        <label className={styles.field}>
          <span>Language</span>
          <select value={form.language} onChange={set("language")} {...invalid("language")}>
            {LANGUAGES.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p id="ingest-error" className={styles.error} role="alert">
          {error.field ? `${error.field}: ` : ""}
          {error.message}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {busy ? "Reading…" : "Read the article"}
        </button>
      </div>
    </form>
  );
}
