import type { CSSProperties } from "react";
import { FOOTER_MM, GAP_MM, HEADER_MM } from "@/lib/print/layout";
import { itemHeightMm } from "@/lib/print/list-fit";
import { paginateList, type ListPage } from "@/lib/print/list-pages";
import { printMapInput } from "@/lib/print/map-input";
import type { PrintModel } from "@/lib/print/model";
import { CONTINUED, LINK_LABEL, datesLine, eventHead, footerMedium, footerPrinted, pageNumber } from "@/lib/print/sheet-text";
import { EventList } from "./event-list";
import { Legend } from "./legend";
import { PrintMap } from "./print-map";
import styles from "./print.module.css";

/**
 * The pages of a print: the first with header, map (scale, north), legend, sources, link and as many
 * events as fit below the map; then pages with the rest of the events. Which event goes on which page
 * is decided here with the shared paginator, from estimated heights (the browser does the rest).
 */
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
  const heightOf = (i: number, width: number) => {
    const e = model.events[i]!;
    return itemHeightMm({ head: eventHead(e), summary: e.summary, quotes: e.quotes }, width);
  };
  const pages = paginateList(model.events.length, heightOf, layout.boxes.list, layout.continuation);
  const count = Math.max(1, pages.length);
  const footer = (page: number) => (
    <footer className={styles.footer}>
      <span>
        {footerMedium(model, model.print.dpi)}
        {pageNumber(page, count)}
      </span>
      <span>{footerPrinted(model)}</span>
    </footer>
  );
  const list = (page: ListPage | undefined) => page && <EventList events={page.items.map((item) => model.events[item.index]!)} columns={page.columns} heightMm={page.box.height} />;
  const layerTitles = Object.fromEntries(model.layers.map((l) => [l.id, l.title]));
  return (
    <>
      <div className={styles.paper}>
        <article className={styles.sheet} style={vars} data-sheet="">
          <header className={styles.header}>
            <h1 className={styles.title} title={model.title}>
              {model.title}
            </h1>
            <p className={styles.dates}>{datesLine(model)}</p>
          </header>
          <div className={styles.body}>
            <div className={styles.main}>
              <PrintMap
                paperLabel={model.paperLabel}
                layerTitles={layerTitles}
                input={printMapInput(model)}
              />
              {model.print.list && (list(pages[0]) ?? <EventList events={[]} columns={1} heightMm={layout.listMm} />)}
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
              <section className={styles.link} aria-label="Link to this view" data-testid="sheet-link">
                {/* A server-made SVG as a data URL: an image can run no script, whatever the link holds. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={qrDataUrl} alt="QR code of the link to this view" />
                <p>
                  {LINK_LABEL} {model.link}
                </p>
              </section>
            </aside>
          </div>
          {footer(1)}
        </article>
      </div>
      {pages.slice(1).map((page, i) => (
        <div className={styles.paper} key={i}>
          <article className={`${styles.sheet} ${styles.continued}`} style={vars} data-sheet-page={i + 2}>
            <header className={styles.header}>
              <h1 className={styles.title}>{model.title}</h1>
              <p className={styles.dates}>{CONTINUED}</p>
            </header>
            {list(page)}
            {footer(i + 2)}
          </article>
        </div>
      ))}
    </>
  );
}
