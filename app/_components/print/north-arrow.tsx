import styles from "./print.module.css";

/** North as the map shows it: MapLibre's bearing turns the map, so the arrow turns the other way. */
export function NorthArrow({ bearing }: { bearing: number }) {
  return (
    <div className={styles.north} aria-label={`North arrow${bearing ? `, map rotated ${Math.round(bearing)}°` : ""}`}>
      <span>N</span>
      <svg width="14" height="24" viewBox="-7 -12 14 24" style={{ transform: `rotate(${-bearing}deg)` }} aria-hidden="true">
        <polygon points="0,-11 6,9 0,4 -6,9" fill="#1b1f24" />
      </svg>
    </div>
  );
}
