import type { IgnoredParam } from "@/lib/view/read-view";
import styles from "./print.module.css";

/** Says on screen (never on paper) which parts of the link were dropped; the rest applies. */
export function PrintNotice({ ignored }: { ignored: IgnoredParam[] }) {
  if (ignored.length === 0) return null;
  return (
    <div className={styles.notice} role="status" data-testid="ignored-notice">
      <p>
        Part of this link was ignored:{" "}
        {ignored.map((i, n) => (
          <span key={`${i.param}-${n}`}>
            {n > 0 && "; "}
            <code>{i.param}</code> “{i.value}”: {i.reason}
          </span>
        ))}
        . The rest of the view applies.
      </p>
    </div>
  );
}
