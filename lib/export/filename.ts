import type { EventQuery } from "@/lib/model/event-query";

/**
 * A download's file name that names the view it holds: `briefmap-events_2025-05-01_2025-05-31_strike-protest_q-daraa.csv`.
 * Only a-z, 0-9, dot, dash and underscore, so that every system keeps it as written.
 */
export function viewFileName(query: EventQuery, extension: string): string {
  const parts = ["briefmap-events"];
  if (query.from || query.to) parts.push(`${query.from ?? "start"}_${query.to ?? "now"}`);
  if (query.types?.length) parts.push(query.types.join("-"));
  if (query.layer) parts.push(`in-${query.layer}`);
  if (query.article) parts.push(`article-${query.article}`);
  if (query.q) parts.push(`q-${query.q}`);
  if (query.bbox) parts.push(`bbox-${query.bbox.map((v) => v.toFixed(2)).join("_")}`);
  if (query.id) parts.push(query.id);
  const name = parts
    .join("_")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9._-]+/g, "-")
    .slice(0, 150);
  return `${name}.${extension}`;
}

export function attachment(name: string): string {
  return `attachment; filename="${name}"`;
}
