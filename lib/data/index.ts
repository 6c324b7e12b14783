import "server-only";
import { join } from "node:path";
import { byTime } from "@/lib/model/event-order";
import { loadBriefData, type BriefData } from "./load";
import { logProblemsOnce } from "./log-problems";
import { syntheticEvents } from "./synthetic";

/** The data folder; BRIEFMAP_DATA_DIR points the app at another one (tests, other cases). */
export function dataDir(): string {
  return process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data");
}

/**
 * A data folder read and validated, for importing it into the store (pages and routes read the
 * store, never this). Problems are listed with file, item and rule; the valid rest is returned.
 */
export async function loadDataFolder(dir: string = dataDir()): Promise<BriefData> {
  const data = await loadBriefData(dir);
  logProblemsOnce(data.problems);
  return withSynthetic(data);
}

export type { BriefData } from "./load";
export type { LoadedEvent, Article } from "@/lib/model/event";
export type { LoadedLayer } from "./read-layer";
export type { Place } from "@/lib/model/place";
export type { LayerSummary, UnavailableLayer, BBox } from "@/lib/model/layer-summary";

/**
 * BRIEFMAP_SYNTHETIC_EVENTS=<count> (and BRIEFMAP_SYNTHETIC_SEED, default 1) adds a generated event
 * set under its own article, for development, tests and benchmarks. Nothing is written to data/.
 */
function withSynthetic(data: BriefData): BriefData {
  const count = Number(process.env.BRIEFMAP_SYNTHETIC_EVENTS ?? 0);
  if (!Number.isInteger(count) || count <= 0) return data;
  const seed = Number(process.env.BRIEFMAP_SYNTHETIC_SEED ?? 1);
  const synthetic = syntheticEvents(Math.min(count, 1_000_000), Number.isFinite(seed) ? seed : 1);
  console.warn(`[briefmap data] ${synthetic.events.length} synthetic events added (seed ${seed}); they are not real data`);
  const events = [...data.events, ...synthetic.events].sort(byTime);
  return { ...data, articles: [...data.articles, synthetic.article], events };
}
