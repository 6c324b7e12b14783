import type { LayerManifest } from "./schema";

export type BBox = [west: number, south: number, east: number, north: number];

/** What clients learn about a layer without loading its features (GET /api/layers). */
export type LayerSummary = Omit<LayerManifest, "file"> & {
  geometryType: string;
  featureCount: number;
  bbox: BBox;
  /** Flattened from provenance for the API contract. */
  source: string;
  licence: string;
  attribution: string;
};

/** A layer that failed validation: listed so that the analyst sees what is missing and why. */
export type UnavailableLayer = { id: string; title: string; file: string; problems: string[] };
