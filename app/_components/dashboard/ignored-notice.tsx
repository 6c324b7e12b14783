"use client";

import { useState } from "react";
import type { IgnoredParam } from "@/lib/view/read-view";
import styles from "./dashboard.module.css";

/** Says which parts of the link could not be applied; the rest of the view did apply. */
export function IgnoredNotice({ ignored }: { ignored: IgnoredParam[] }) {
  const [open, setOpen] = useState(true);
  if (!open || ignored.length === 0) return null;
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
      <button type="button" onClick={() => setOpen(false)} aria-label="Dismiss notice">×</button>
    </div>
  );
}
