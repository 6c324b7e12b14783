"use client";

import { useState } from "react";
import type { IgnoredParam } from "@/lib/view/read-view";
import { IgnoredParams } from "../share/ignored-params";
import styles from "./dashboard.module.css";

/** Says which parts of the link could not be applied; the rest of the view did apply. */
export function IgnoredNotice({ ignored }: { ignored: IgnoredParam[] }) {
  const [open, setOpen] = useState(true);
  if (!open || ignored.length === 0) return null;
  return (
    <div className={styles.notice} role="status" data-testid="ignored-notice">
      <IgnoredParams ignored={ignored} />
      <button type="button" onClick={() => setOpen(false)} aria-label="Dismiss notice">×</button>
    </div>
  );
}
