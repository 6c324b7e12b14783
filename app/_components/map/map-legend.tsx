import styles from "./map.module.css";

/** What the kinds of event marker mean: a located event, a group, and events the article places only in a country or region. */
export function MapLegend() {
  return (
    <details className={styles.legend} data-testid="map-legend" data-map-overlay>
      <summary>Legend</summary>
      <ul>
        <li><span className={styles.dot} aria-hidden="true" /> An event where it happened (city or exact place); a dark disc groups several, its number counts them and, for a large set, its rim takes the colour of the commonest type among them.</li>
        <li>
          <span className={styles.ring} aria-hidden="true" /> Events placed only in a country or region: never grouped with located events or with another area. The ring marks the area it stands for, not a location (it sits inside that area); its number counts the events and, for a large set, its label names the area (&ldquo;12 in As-Suwayda&rdquo;).
        </li>
      </ul>
    </details>
  );
}
