import type { IgnoredParam } from "@/lib/view/read-view";
import { IgnoredParams } from "../share/ignored-params";
import styles from "./print.module.css";

/** Says on screen (never on paper) which parts of the link were dropped; the rest applies. */
export function PrintNotice({ ignored }: { ignored: IgnoredParam[] }) {
  if (ignored.length === 0) return null;
  return (
    <div className={styles.notice} role="status" data-testid="ignored-notice">
      <IgnoredParams ignored={ignored} />
    </div>
  );
}
