"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import styles from "./share.module.css";

/**
 * Copies the link of the current view: by default the address; the dashboard gives the view as on
 * screen (the camera before its throttled URL write, no ignored parameter). Ctrl+C / ⌘C with nothing
 * selected does the same, as in map tools that copy "this view".
 */
export function CopyLink({ link = () => window.location.href }: { link?: () => string }) {
  const [copied, setCopied] = useState<{ ok: boolean; url: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const linkNow = useRef(link);
  useEffect(() => {
    linkNow.current = link;
  });

  const copy = useCallback(async () => {
    const url = linkNow.current();
    const ok = await writeClipboard(url);
    setCopied({ ok, url });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), ok ? 4000 : 15000);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== "c") return;
      if (isEditable(e.target) || (window.getSelection()?.toString() ?? "") !== "") return;
      e.preventDefault();
      void copy();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [copy]);

  return (
    <div className={styles.share}>
      <button type="button" className={styles.button} onClick={() => void copy()} aria-keyshortcuts="Control+C Meta+C" title="Copy a link to this view (Ctrl+C / ⌘C with nothing selected)">
        Copy link
      </button>
      <p className={styles.toast} role="status" aria-live="polite" data-testid="copy-status">
        {copied?.ok && <>Link copied: <span className={styles.url}>{copied.url}</span></>}
        {copied && !copied.ok && (
          <>
            Copying is blocked here; select and copy the link: <input className={styles.manual} readOnly value={copied.url} onFocus={(e) => e.currentTarget.select()} aria-label="Link to this view" />
          </>
        )}
      </p>
    </div>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
}
