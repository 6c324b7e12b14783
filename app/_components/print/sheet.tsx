import type { CSSProperties } from "react";
import { FOOTER_MM, GAP_MM, HEADER_MM } from "@/lib/print/layout";
import { eventsThatFit } from "@/lib/print/list-fit";
import type { PrintModel } from "@/lib/print/model";
import { cssPxToMm } from "@/lib/print/paper";
import { EventList } from "./event-list";
import { Legend } from "./legend";
import { PrintMap } from "./print-map";
import styles from "./print.module.css";

/** One page: header, map with scale and north, legend and sources beside it, events below, footer. */
export function Sheet({ model, qrDataUrl }: { model: PrintModel; qrDataUrl: string }) {
  const { layout } = model;
  const vars = {
    width: `${layout.content.width}mm`,
    height: `${layout.content.height}mm`,
    "--header": `${HEADER_MM}mm`,
    "--footer": `${FOOTER_MM}mm`,
    "--gap": `${GAP_MM}mm`,
    "--sidebar": `${layout.sidebarMm}mm`,
  } as CSSProperties;
  const listWidthMm = cssPxToMm(layout.map.cssWidth);
  const shown = model.print.list
    ? eventsThatFit(
        model.events.map((e) => ({ head: `${e.dateLabel} · ${e.title}`, summary: e.summary, quotes: e.quotes })),
        { widthMm: listWidthMm, heightMm: layout.listMm },
      )
    : 0;
  const layerTitles = Object.fromEntries(model.layers.map((l) => [l.id, l.title]));
  return (
    <article className={styles.sheet} style={vars} data-sheet="">
      <header className={styles.header}>
        <h1 className={styles.title}>{model.title}</h1>
        <p className={styles.dates}>
          View of {model.viewDate} · Time window: {model.timeWindow}
        </p>
      </header>
      <div className={styles.body}>
        <div className={styles.main}>
          <PrintMap
            paperLabel={model.paperLabel}
            layerTitles={layerTitles}
            input={{
              layers: model.layers,
              visible: model.visible,
              events: model.events.map(({ id, type, point }) => ({ id, type, point })),
              selectedId: model.selectedId,
              focus: model.focus,
              camera: model.camera,
              frame: model.frame,
              size: layout.map,
              dpi: model.print.dpi,
            }}
          />
          {model.print.list && <EventList events={model.events} shown={shown} heightMm={layout.listMm} />}
        </div>
        <aside className={styles.sidebar}>
          <Legend model={model} />
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <ul className={styles.attribution}>
              {model.attributions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </section>
          <section className={styles.link} aria-label="Link to this view">
            {/* A server-made SVG as a data URL: an image can run no script, whatever the link holds. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={qrDataUrl} alt="QR code of the link to this view" />
            <p>
              Open this view:
              <br />
              {model.link}
            </p>
          </section>
        </aside>
      </div>
      <footer className={styles.footer}>
        <span>Briefmap · {model.paperLabel} {model.print.orientation}, map at {model.print.dpi} dpi</span>
        <span>Printed {model.printedAt}</span>
      </footer>
    </article>
  );
}
