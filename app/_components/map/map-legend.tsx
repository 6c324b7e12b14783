import styles from "./map.module.css";

/** What the two kinds of event marker mean: a located event, and one the article places only in a country or region. */
export function MapLegend() {
  return (
    <details className={styles.legend} data-testid="map-legend" data-map-overlay>
      <summary>Legend</summary>
      <ul>
        <li><span className={styles.dot} aria-hidden="true" /> An event where it happened (city or exact place); a dark disc groups several.</li>
        <li><span className={styles.ring} aria-hidden="true" /> An event placed only in a country or region: the ring marks the area, not a location; its number counts the events.</li>
      </ul>
    </details>
  );
}
