import styles from "./dashboard.module.css";

export type Panel = "events" | "event" | "layers";

const PANELS: { id: Panel; label: string }[] = [
  { id: "events", label: "Events" },
  { id: "event", label: "Event & article" },
  { id: "layers", label: "Layers" },
];

/**
 * On a phone the panels share the space under the map, one at a time; on wider screens they are
 * side by side and these buttons are hidden (dashboard.module.css).
 */
export function PanelTabs({ panel, onPanel }: { panel: Panel; onPanel: (p: Panel) => void }) {
  return (
    <nav className={styles.tabs} aria-label="Panels">
      {PANELS.map((p) => (
        <button key={p.id} type="button" aria-pressed={panel === p.id} data-panel-tab={p.id} onClick={() => onPanel(p.id)}>
          {p.label}
        </button>
      ))}
    </nav>
  );
}
