import "server-only";
import { join } from "node:path";
import { formatProblem } from "./problem";
import { loadBriefData, type BriefData } from "./load";

/** The data folder; BRIEFMAP_DATA_DIR points the app at another one (tests, other cases). */
export function dataDir(): string {
  return process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data");
}

let cached: Promise<BriefData> | undefined;

/**
 * All of Briefmap's data, loaded and validated once per server process. Problems are logged at
 * start-up with file, item and rule; the valid rest is served.
 */
export function getBriefData(): Promise<BriefData> {
  cached ??= loadBriefData(dataDir()).then((data) => {
    for (const p of data.problems) console.warn(`[briefmap data] ${formatProblem(p)}`);
    return data;
  });
  return cached;
}

export type { BriefData } from "./load";
export type { LoadedEvent, Article } from "./read-article";
export type { LoadedLayer } from "./read-layer";
export type { Place } from "./place";
export type { LayerSummary, UnavailableLayer, BBox } from "./summary";
