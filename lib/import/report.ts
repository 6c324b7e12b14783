import type { DataProblem } from "@/lib/model/problem";

/** What an import did, row by row where a row was not imported; written as a JSON file. */
export type ImportReport = {
  file: string;
  format: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Data rows read (a header is not a row). */
  rowsRead: number;
  /** New events. */
  imported: number;
  /** Events that existed (same record id) and were replaced by the row. */
  updated: number;
  deleted: number;
  /** Ids a deletions file names that the store does not hold. */
  notFound: number;
  /** Rows outside the import's country or box filter. */
  filtered: number;
  skipped: number;
  /** Each skipped row and why; at most MAX_LISTED, the count above is complete. */
  skippedRows: { line: number; reason: string }[];
  warnings: { line: number; message: string }[];
  /** The articles created to hold the quoted records. */
  articles: string[];
  /** Earlier imports' articles left with no event (their events re-imported) and removed. */
  articlesPruned: number;
  /** Set when the whole file was refused and nothing was written. */
  refused?: string;
  problems?: DataProblem[];
};

export const MAX_LISTED = 100_000;

export function emptyReport(file: string, format: string, dryRun: boolean): ImportReport {
  return {
    file,
    format,
    dryRun,
    startedAt: new Date().toISOString(),
    finishedAt: "",
    rowsRead: 0,
    imported: 0,
    updated: 0,
    deleted: 0,
    notFound: 0,
    filtered: 0,
    skipped: 0,
    skippedRows: [],
    warnings: [],
    articles: [],
    articlesPruned: 0,
  };
}

/** One line for a terminal or a status bar. */
export function reportLine(r: ImportReport): string {
  if (r.refused) return `refused: ${r.refused} (nothing was written)`;
  const parts = [`${r.rowsRead} row(s) read`, `${r.imported} imported`, `${r.updated} updated`, `${r.skipped} skipped`];
  if (r.filtered) parts.push(`${r.filtered} outside the filter`);
  if (r.deleted || r.notFound) parts.push(`${r.deleted} deleted`, `${r.notFound} to delete not found`);
  return `${r.dryRun ? "dry run (nothing written): " : ""}${parts.join(", ")}`;
}
