"use client";

import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import styles from "./layers.module.css";

type Props = {
  layers: LayerSummary[];
  unavailable: UnavailableLayer[];
  visible: string[];
  onToggle: (id: string, on: boolean) => void;
};

/** Legend, toggles and provenance of every layer: what is drawn, from where, and how far to trust it. */
export function LayersPanel({ layers, unavailable, visible, onToggle }: Props) {
  return (
    <section className={styles.panel} aria-labelledby="layers-heading">
      <h2 id="layers-heading" className={styles.heading}>Layers</h2>
      <ul className={styles.list}>
        {layers.map((layer) => (
          <li key={layer.id} className={styles.layer} data-layer-id={layer.id}>
            <label className={styles.toggle}>
              <input type="checkbox" checked={visible.includes(layer.id)} onChange={(e) => onToggle(layer.id, e.target.checked)} />
              <Swatch layer={layer} />
              <span>{layer.title}</span>
            </label>
            {layer.provenance.status && <p className={styles.status}>{layer.provenance.status}</p>}
            <details className={styles.details}>
              <summary>Source and accuracy</summary>
              <dl>
                <dt>Source</dt>
                <dd>{layer.provenance.source}</dd>
                <dt>Licence</dt>
                <dd>{layer.provenance.licence}</dd>
                <dt>Attribution</dt>
                <dd>{layer.provenance.attribution}</dd>
                <dt>Date</dt>
                <dd>{layer.provenance.date}</dd>
                <dt>Accuracy</dt>
                <dd>{layer.provenance.accuracy}</dd>
              </dl>
            </details>
          </li>
        ))}
      </ul>
      {unavailable.length > 0 && (
        <div className={styles.unavailable} role="status">
          <h3>Unavailable layers</h3>
          <ul>
            {unavailable.map((u) => (
              <li key={u.id}>
                <strong>{u.title}</strong> ({u.file}): {u.problems.slice(0, 3).join("; ")}
                {u.problems.length > 3 && ` and ${u.problems.length - 3} more problem(s)`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The legend key: fill, outline, line or point, drawn as the map draws the layer. */
function Swatch({ layer }: { layer: LayerSummary }) {
  const { color, dashed, fillOpacity } = layer.style;
  const kind = layer.geometryType;
  return (
    <svg className={styles.swatch} width="22" height="14" aria-hidden="true">
      {kind === "Polygon" && <rect x="1" y="1" width="20" height="12" fill={color} fillOpacity={Math.max(fillOpacity, 0.15)} stroke={color} strokeWidth="1.5" strokeDasharray={dashed ? "3 2" : undefined} />}
      {kind === "LineString" && <line x1="1" y1="7" x2="21" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray={dashed ? "4 2" : undefined} />}
      {kind !== "Polygon" && kind !== "LineString" && <circle cx="11" cy="7" r="4" fill={color} stroke="#fff" strokeWidth="1" />}
    </svg>
  );
}
