import "server-only";
import { join } from "node:path";

/**
 * The data folder: what a first start imports into an empty store (lib/store/first-start.ts).
 * BRIEFMAP_DATA_DIR points the app at another one (tests, other cases). Pages and routes read the
 * store, never these files.
 */
export function dataDir(): string {
  return process.env.BRIEFMAP_DATA_DIR ?? join(process.cwd(), "data");
}

export type { BriefData } from "./load";
export type { LoadedEvent, Article } from "@/lib/model/event";
export type { LoadedLayer } from "./read-layer";
export type { Place } from "@/lib/model/place";
export type { LayerSummary, UnavailableLayer, BBox } from "@/lib/model/layer-summary";
