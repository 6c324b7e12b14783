"use client";

import { useRef } from "react";
import type { View } from "@/lib/view/view";
import { eventQueryString, viewEventQuery } from "@/lib/view/event-query";
import styles from "./share.module.css";

/** Downloads of exactly the events the current filters show, streamed by /api/events?format=…; and the way in. */
export function DownloadMenu({ view }: { view: View }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const query = eventQueryString(viewEventQuery(view));
  const href = (format: string) => `/api/events?${[query, `format=${format}`].filter(Boolean).join("&")}`;
  // A choice, Escape, or a click elsewhere closes the menu, as menus do.
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details
      ref={menu}
      className={styles.menu}
      data-testid="download-menu"
      onKeyDown={(e) => e.key === "Escape" && close()}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && close()}
    >
      <summary className={styles.button}>Download</summary>
      <ul className={styles.menuList} onClick={close}>
        <li>
          <a href={href("csv")} download>
            Events as CSV (ACLED columns)
          </a>
        </li>
        <li>
          <a href={href("geojson")} download>
            Events as GeoJSON
          </a>
        </li>
        <li>
          <a href={href("kml")} download>
            Events as KML (Google Earth)
          </a>
        </li>
      </ul>
    </details>
  );
}
