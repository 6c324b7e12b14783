import type { PrintModel } from "@/lib/print/model";
import { SELECTED_KEY } from "@/lib/print/sheet-text";
import { LayerSwatch } from "./swatch";
import styles from "./print.module.css";

/** Keys for what the map draws: the visible layers (with their status notes) and the event types present. */
export function Legend({ model }: { model: PrintModel }) {
  const layers = model.layers.filter((l) => model.visible.includes(l.id));
  return (
    <>
      <section aria-labelledby="legend-layers">
        <h2 id="legend-layers">Layers</h2>
        {layers.length === 0 && <p>No layers shown.</p>}
        <ul className={styles.legend}>
          {layers.map((l) => (
            <li key={l.id}>
              <LayerSwatch layer={l} />
              <span>
                {l.title}
                {l.provenance.status && <span className={styles.status}>{l.provenance.status}</span>}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {model.eventTypes.length > 0 && (
        <section aria-labelledby="legend-events">
          <h2 id="legend-events">Events</h2>
          <ul className={`${styles.legend} ${styles.legendPairs}`}>
            {model.eventTypes.map((t) => (
              <li key={t.type}>
                <svg width="22" height="12" aria-hidden="true">
                  <circle cx="11" cy="6" r="4.5" fill={t.color} stroke="#fff" strokeWidth="1" />
                </svg>
                <span>{t.label}</span>
              </li>
            ))}
            {model.selectedId && (
              <li className={styles.wide}>
                <svg width="22" height="12" aria-hidden="true">
                  <circle cx="11" cy="6" r="4.5" fill="#fff" stroke="#1d2733" strokeWidth="2" />
                </svg>
                <span>{SELECTED_KEY}</span>
              </li>
            )}
          </ul>
        </section>
      )}
    </>
  );
}
