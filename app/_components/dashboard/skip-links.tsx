import styles from "./dashboard.module.css";

/** Keyboard users jump straight to each part of the dashboard; the links show when focused. */
export function SkipLinks() {
  return (
    <nav className={styles.skipLinks} aria-label="Skip to">
      <a href="#map">Skip to the map</a>
      <a href="#event-list-heading">Skip to the event list</a>
      <a href="#selected-event">Skip to the selected event</a>
      <a href="#article-title">Skip to the article</a>
    </nav>
  );
}
