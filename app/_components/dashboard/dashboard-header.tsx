"use client";

import { useState } from "react";
import type { EventType } from "@/lib/model/schema";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { View } from "@/lib/view/view";
import { AccountMenu } from "../auth/account-menu";
import { FilterBar } from "../filters/filter-bar";
import { ExportButtons } from "../print/export-buttons";
import { CopyLink } from "../share/copy-link";
import { DownloadMenu } from "../share/download-menu";
import { worthRetrying } from "./fetch-json";
import styles from "./dashboard.module.css";

type Props = {
  view: View;
  layers: LayerSummary[];
  typeCounts: Partial<Record<EventType, number>>;
  loading: boolean;
  error: Error | undefined;
  /** The link to the view on screen, camera included. */
  link: () => string;
  viewQuery: string;
  titleHint: string;
  onQuery: (q: string | null) => void;
  onTypes: (types: EventType[] | null) => void;
  onLayer: (layer: string | null) => void;
};

/** Brand, filters, status and the share and print actions. On a phone the filters fold behind a button. */
export function DashboardHeader({ view, layers, typeCounts, loading, error, link, viewQuery, titleHint, onQuery, onTypes, onLayer }: Props) {
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = (view.types?.length ?? 0) + (view.layer ? 1 : 0);
  return (
    <header className={styles.header} data-filters-open={filtersOpen || undefined}>
      <h1 className={styles.brand}>Briefmap</h1>
      <button type="button" className={styles.filtersToggle} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)}>
        Filters{active ? ` (${active})` : ""}
      </button>
      <FilterBar q={view.q} types={view.types} layer={view.layer} layers={layers} typeCounts={typeCounts} onQuery={onQuery} onTypes={onTypes} onLayer={onLayer} />
      <p className={styles.status} role="status" aria-live="polite" data-testid="view-status">
        {error ? `Could not update the events (${error.message})${worthRetrying(error) ? "; showing the last list, retrying" : "; showing the last list"}.` : loading ? "Updating events…" : ""}
      </p>
      <div className={styles.actions}>
        <CopyLink link={link} />
        <DownloadMenu view={view} />
        <ExportButtons viewQuery={viewQuery} titleHint={titleHint} />
        <AccountMenu />
      </div>
    </header>
  );
}
