"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { renderSnapshot, type Snapshot } from "@/lib/map/snapshot";
import { reducedMessage } from "@/lib/print/layout";
import { printMapInput } from "@/lib/print/map-input";
import type { PrintModel } from "@/lib/print/model";
import { DPIS, ORIENTATIONS, PAPERS, PAPER_LABEL } from "@/lib/print/paper";
import { DEFAULT_PRINT, printQuery, type PrintParams } from "@/lib/print/print-params";
import { download, fileNameFor } from "./download";
import styles from "./export.module.css";

type Props = {
  /** The view's query without "?", e.g. "map=8/33/35.9&event=paris-talks". */
  viewQuery: string;
  /** The print page's own paper, orientation, resolution and title: what the dialog starts from. */
  initial?: PrintParams;
  /** What the sheet will be titled when the field is left empty: the selected event or the filter. */
  titleHint?: string;
};

type Action = "png" | "pdf";

async function fetchModel(viewQuery: string, print: PrintParams): Promise<PrintModel> {
  const response = await fetch(`/print/model?${[viewQuery, printQuery(print)].filter(Boolean).join("&")}`);
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
  return ((await response.json()) as { model: PrintModel }).model;
}

/**
 * Print and export for the dashboard's header: a dialog with paper, orientation, resolution, title
 * and event list, then the print view, a PNG of the first page or a PDF of every page.
 */
export function ExportButtons({ viewQuery, initial = DEFAULT_PRINT, titleHint }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [print, setPrint] = useState<PrintParams>(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  const set = <K extends keyof PrintParams>(key: K, value: PrintParams[K]) => setPrint((p) => ({ ...p, [key]: value }));
  const printHref = `/print?${[viewQuery, printQuery(print)].filter(Boolean).join("&")}`;

  async function run(action: Action) {
    setBusy(true);
    const started = performance.now();
    try {
      setStatus("Preparing the sheet…");
      const model = await fetchModel(viewQuery, print);
      const snapshot: Snapshot = await renderSnapshot({
        origin: window.location.origin,
        ...printMapInput(model),
        onProgress: setStatus,
      });
      setStatus(action === "png" ? "Composing the PNG…" : "Composing the PDF…");
      const blob = action === "png" ? await (await import("./export-png")).composePng(model, snapshot) : await (await import("./export-pdf")).composePdf(model, snapshot);
      download(blob, fileNameFor(model.title, action));
      const notes = [
        reducedMessage(snapshot.resolution, model.paperLabel),
        snapshot.complete ? null : "The map did not finish drawing in time; the file shows what was drawn.",
      ].filter(Boolean);
      setStatus(`${action.toUpperCase()} ready (${Math.round(blob.size / 1024)} KB, ${((performance.now() - started) / 1000).toFixed(1)} s). ${notes.join(" ")}`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => e.preventDefault();

  return (
    <>
      <button type="button" className={styles.open} onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Print / export…
      </button>
      {/* Native <dialog> with showModal: focus trapping, Escape to close and a backdrop come with it. */}
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${id}-title`} data-testid="export-dialog">
        <form method="dialog" onSubmit={submit}>
          <h2 id={`${id}-title`}>Print or export this view</h2>
          <p>
            <label>
              Title{" "}
              <input type="text" value={print.title ?? ""} maxLength={120} onChange={(e) => set("title", e.target.value || null)} placeholder={titleHint ?? "The view's own title"} />
            </label>
          </p>
          <p>
            <label>
              Paper{" "}
              <select value={print.paper} onChange={(e) => set("paper", e.target.value as PrintParams["paper"])}>
                {PAPERS.map((p) => (
                  <option key={p} value={p}>
                    {PAPER_LABEL[p]}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              Orientation{" "}
              <select value={print.orientation} onChange={(e) => set("orientation", e.target.value as PrintParams["orientation"])}>
                {ORIENTATIONS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>{" "}
            <label>
              Resolution{" "}
              <select value={print.dpi} onChange={(e) => set("dpi", Number(e.target.value) as PrintParams["dpi"])}>
                {DPIS.map((d) => (
                  <option key={d} value={d}>
                    {d} dpi
                  </option>
                ))}
              </select>
            </label>
          </p>
          <p>
            <label>
              <input type="checkbox" checked={print.list} onChange={(e) => set("list", e.target.checked)} /> List the events in view
            </label>
          </p>
          <p>
            <a href={printHref}>Open print view</a>{" "}
            <button type="button" disabled={busy} onClick={() => run("png")}>
              Download PNG
            </button>{" "}
            <button type="button" disabled={busy} onClick={() => run("pdf")}>
              Download PDF
            </button>{" "}
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </p>
          <p className={styles.status} role="status" aria-live="polite" data-testid="export-status">
            {status}
          </p>
        </form>
      </dialog>
    </>
  );
}
