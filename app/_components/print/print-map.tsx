"use client";

import { useEffect, useRef, useState } from "react";
import { renderSnapshot, type Snapshot } from "@/lib/map/snapshot";
import type { PrintMapInput } from "@/lib/print/map-input";
import { SCALE_MAX_CSS_PX } from "@/lib/print/draw/map-frame";
import { reducedMessage } from "@/lib/print/layout";
import { scaleBar } from "@/lib/print/scale-bar";
import { NorthArrow } from "./north-arrow";
import { usePrintState } from "./print-main";
import styles from "./print.module.css";

type Props = { input: PrintMapInput; paperLabel: string; layerTitles: Record<string, string> };

type State = { kind: "drawing"; step: string } | { kind: "done"; snapshot: Snapshot } | { kind: "failed"; message: string };

/** Renders the view off screen at print resolution and shows it as an image: print never sees WebGL. */
export function PrintMap({ input, paperLabel, layerTitles }: Props) {
  const [state, setState] = useState<State>({ kind: "drawing", step: "Preparing the map…" });
  const { markReady, markFailed } = usePrintState();
  const image = useRef<HTMLImageElement>(null);
  const { cssWidth, cssHeight } = input.size;

  useEffect(() => {
    const abort = new AbortController();
    renderSnapshot({ ...input, origin: window.location.origin, signal: abort.signal, onProgress: (step) => setState({ kind: "drawing", step }) }).then(
      (snapshot) => {
        if (abort.signal.aborted) return;
        console.info(`Print map: ${snapshot.width}×${snapshot.height} px in ${snapshot.elapsedMs} ms${snapshot.complete ? "" : " (idle timed out)"}`);
        setState({ kind: "done", snapshot });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ kind: "failed", message });
        markFailed(message);
      },
    );
    return () => abort.abort();
    // The input comes from the server once per page; re-rendering the map on identity changes would be waste.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (state.kind !== "done" || !image.current) return;
    // Ready only when the image is decoded: a print taken before that would show an empty box.
    image.current.decode().then(markReady, () => markFailed("The map image could not be decoded."));
  }, [state, markReady, markFailed]);

  const box = { width: cssWidth, height: cssHeight };
  if (state.kind !== "done") {
    return (
      <div className={styles.mapBox} style={box}>
        <p className={styles.mapStatus} role="status" aria-live="polite">
          {state.kind === "drawing" ? state.step : `The map could not be drawn: ${state.message}`}
        </p>
      </div>
    );
  }
  const { snapshot } = state;
  const scale = scaleBar(snapshot.camera.zoom, snapshot.camera.lat, SCALE_MAX_CSS_PX);
  const notes = [
    reducedMessage(snapshot.resolution, paperLabel),
    snapshot.complete ? null : "The map did not finish drawing in time; this is what was drawn.",
    snapshot.missingLayers.length ? `Not drawn (could not be loaded): ${snapshot.missingLayers.map((id) => layerTitles[id] ?? id).join(", ")}.` : null,
  ].filter((n): n is string => n !== null);
  return (
    <div className={styles.mapBox} style={box} data-map-pixels={`${snapshot.width}x${snapshot.height}`} data-map-dpi={snapshot.resolution.dpi} data-map-bounds={snapshot.bounds.join(",")}>
      {/* A data URL from our own canvas: next/image would add nothing but a loader here. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img ref={image} className={styles.mapImage} src={snapshot.dataUrl} width={cssWidth} height={cssHeight} alt="Map of the view" />
      {notes.length > 0 && <p className={styles.mapNote} role="note">{notes.join(" ")}</p>}
      {scale && (
        <div className={styles.scale} aria-label={`Scale bar: ${scale.label}${snapshot.camera.pitch ? " at the centre" : ""}`}>
          {scale.label}
          {snapshot.camera.pitch ? " (at centre)" : ""}
          <div className={styles.scaleBar} style={{ width: scale.cssPx }} />
        </div>
      )}
      <NorthArrow bearing={snapshot.camera.bearing} />
    </div>
  );
}
