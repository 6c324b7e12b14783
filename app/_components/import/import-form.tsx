"use client";

import { useEffect, useId, useState } from "react";
import { postImport, type AnyImportReport } from "./import-client";
import { previewRows, type Preview } from "./preview-rows";
import { ImportReportView } from "./import-report";
import styles from "./import.module.css";

const FORMATS = [
  { value: "acled", label: "ACLED CSV (events)" },
  { value: "gdelt", label: "GDELT 2.0 events (TSV)" },
  { value: "geojson", label: "GeoJSON layer" },
  { value: "kml", label: "KML layer" },
  { value: "shp", label: "Zipped shapefile layer" },
  { value: "csv", label: "CSV layer (WKT or lat/lon)" },
] as const;
type Format = (typeof FORMATS)[number]["value"];

const PREVIEW_BYTES = 64 * 1024;

/** The format a file name suggests; the analyst can change it. */
function guessFormat(name: string): Format {
  const n = name.toLowerCase();
  if (n.endsWith(".geojson") || n.endsWith(".json")) return "geojson";
  if (n.endsWith(".kml")) return "kml";
  if (n.endsWith(".zip")) return "shp";
  if (n.endsWith(".tsv") || /\.export\.csv$/.test(n)) return "gdelt";
  return "acled";
}

const isLayer = (f: Format) => f !== "acled" && f !== "gdelt";

/**
 * Upload a file, see its first rows as Briefmap will read them, check it (a dry run writes
 * nothing), import it, and download the report. Layers ask for their provenance first.
 */
export function ImportForm() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>("acled");
  // Kept with the file and format it was made for, so that a stale one is never shown.
  const [previewOf, setPreviewOf] = useState<{ file: File; format: Format; preview: Preview } | null>(null);
  const preview = previewOf && previewOf.file === file && previewOf.format === format ? previewOf.preview : null;
  const [fields, setFields] = useState({ source: "", licence: "", attribution: "", date: "", accuracy: "", title: "", country: "", bbox: "" });
  const [progress, setProgress] = useState<{ stage: string; fraction: number } | null>(null);
  const [report, setReport] = useState<AnyImportReport | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    if (!file || isLayer(format)) return;
    let live = true;
    const keep = (preview: Preview) => live && setPreviewOf({ file, format, preview });
    void file
      .slice(0, PREVIEW_BYTES)
      .arrayBuffer()
      .then((b) => previewRows(new Uint8Array(b), format))
      .then(keep)
      .catch((e: unknown) => keep({ columns: [], rows: [], refused: (e as Error).message }));
    return () => {
      live = false;
    };
  }, [file, format]);

  const set = (k: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const missing = isLayer(format) ? (["source", "licence", "attribution", "date"] as const).filter((k) => !fields[k].trim()) : [];

  async function run(dryRun: boolean) {
    if (!file) return;
    setError("");
    setReport(null);
    setProgress({ stage: "Uploading", fraction: 0 });
    const params: Record<string, string> = { format, ...(dryRun ? { dryRun: "1" } : {}) };
    for (const [k, v] of Object.entries(fields)) if (v.trim()) params[k] = v.trim();
    try {
      const r = await postImport(file, params, (fraction) => setProgress({ stage: fraction < 1 ? "Uploading" : "Checking and writing", fraction }));
      setReport(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className={styles.form}>
      <section className={styles.step} aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>1. File</h2>
        <label className={styles.field}>
          File
          <input
            type="file"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setReport(null);
              if (f) setFormat(guessFormat(f.name));
            }}
          />
        </label>
        <label className={styles.field}>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)} data-testid="import-format">
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {file && (
          <p className={styles.muted}>
            {file.name}: {(file.size / 1024).toFixed(file.size < 10_240 ? 1 : 0)} KB
          </p>
        )}
      </section>

      {file && !isLayer(format) && (
        <section className={styles.step} aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>2. First rows and their mapping</h2>
          <p className={styles.muted}>How Briefmap reads the first rows (shaded), beside the file&apos;s own values.</p>
          {preview?.refused && <p className={styles.refused}>{preview.refused}</p>}
          {preview && preview.rows.length > 0 && (
            // Focusable, so that keyboard users can scroll a preview wider than the screen.
            <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Preview of the first rows">
              <table className={styles.table} data-testid="import-preview">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th className={styles.mappedHead}>Briefmap type</th>
                    <th className={styles.mappedHead}>Time</th>
                    <th className={styles.mappedHead}>Place precision</th>
                    {preview.columns.map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      {r.mapped ? (
                        <>
                          <td className={styles.mapped}>{r.mapped.type}</td>
                          <td className={styles.mapped}>{r.mapped.time}</td>
                          <td className={styles.mapped}>{r.mapped.precision}</td>
                        </>
                      ) : (
                        <td colSpan={3} className={styles.refused}>
                          skipped: {r.skipped}
                        </td>
                      )}
                      {r.source.map((v, i) => (
                        <td key={i}>{v}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {format === "gdelt" && (
            <div className={styles.row}>
              <label className={styles.field}>
                Only country (FIPS, e.g. SY)
                <input value={fields.country} onChange={set("country")} maxLength={2} size={4} />
              </label>
              <label className={styles.field}>
                Only box (w,s,e,n)
                <input value={fields.bbox} onChange={set("bbox")} placeholder="34,29,36,34" />
              </label>
            </div>
          )}
        </section>
      )}

      {file && isLayer(format) && (
        <section className={styles.step} aria-labelledby={`${id}-prov`}>
          <h2 id={`${id}-prov`}>2. Where the layer comes from</h2>
          <p className={styles.muted}>Required before the layer is saved; shown to everyone beside the layer.</p>
          <div className={styles.grid}>
            {(
              [
                ["title", "Title (optional)"],
                ["source", "Source"],
                ["licence", "Licence"],
                ["attribution", "Attribution"],
                ["date", "As of (date)"],
                ["accuracy", "Accuracy (optional)"],
              ] as const
            ).map(([k, label]) => (
              <label key={k} className={styles.field}>
                {label}
                <input value={fields[k]} onChange={set(k)} required={!label.includes("optional")} aria-invalid={missing.includes(k as (typeof missing)[number]) || undefined} />
              </label>
            ))}
          </div>
        </section>
      )}

      {file && (
        <section className={styles.step} aria-labelledby={`${id}-run`}>
          <h2 id={`${id}-run`}>3. Check and import</h2>
          <div className={styles.row}>
            <button type="button" className={styles.secondary} disabled={!!progress || missing.length > 0} onClick={() => void run(true)}>
              Check (dry run)
            </button>
            <button type="button" className={styles.primary} disabled={!!progress || missing.length > 0} onClick={() => void run(false)} data-testid="import-run">
              Import
            </button>
            {missing.length > 0 && <span className={styles.muted}>Fill in {missing.join(", ")} first.</span>}
          </div>
          {progress && (
            <div className={styles.progress} role="status" aria-live="polite">
              {progress.stage}…
              <progress max={1} value={progress.stage === "Uploading" ? progress.fraction : undefined} />
            </div>
          )}
          {error && (
            <p className={styles.refused} role="alert">
              {error}
            </p>
          )}
          {report && <ImportReportView report={report} />}
        </section>
      )}
    </div>
  );
}
