import type { DataProblem } from "@/lib/model/problem";
import { StoreError, type LayerInput, type Store } from "@/lib/store/store";
import { parseLayer } from "@/lib/store/validate";
import { ImportRefused, slugPart } from "../record";
import { readLayerFile, type LayerFormat } from "./read-layer";

/** Where a layer comes from: all four are required before it is saved (accuracy may say "not stated"). */
export type LayerProvenanceInput = { source?: string; licence?: string; attribution?: string; date?: string; accuracy?: string };

export type LayerImportOptions = {
  fileName: string;
  actor: string;
  /** The layer id; from the file name when absent. */
  id?: string;
  title?: string;
  description?: string;
  provenance: LayerProvenanceInput;
  color?: string;
  role?: "overlay" | "context";
  /** Replace a layer of the same id (otherwise a clash is refused). */
  replace?: boolean;
  dryRun?: boolean;
};

export type LayerImportReport = {
  file: string;
  format: LayerFormat;
  dryRun: boolean;
  layer: string;
  features: number;
  notes: string[];
  refused?: string;
  problems?: DataProblem[];
};

export const REQUIRED_PROVENANCE = ["source", "licence", "attribution", "date"] as const;

export async function importLayerFile(store: Store, bytes: Uint8Array, format: LayerFormat, options: LayerImportOptions): Promise<LayerImportReport> {
  const id = options.id || slugPart(options.fileName.replace(/\.[^.]+$/, "")) || "imported-layer";
  const report: LayerImportReport = { file: options.fileName, format, dryRun: options.dryRun === true, layer: id, features: 0, notes: [] };
  const missing = REQUIRED_PROVENANCE.filter((k) => !options.provenance[k]?.trim());
  if (missing.length > 0) return { ...report, refused: `the layer's provenance lacks ${missing.join(", ")}: say where the geometry comes from, under which licence, whom to credit and as of when, before it is saved` };
  try {
    const read = await readLayerFile(bytes, format);
    report.notes = read.notes;
    report.features = read.data.features.length;
    const p = options.provenance;
    const input: LayerInput = {
      id,
      title: options.title || options.fileName,
      description: options.description || `Imported from ${options.fileName}`,
      role: options.role ?? "overlay",
      defaultVisible: true,
      order: 100,
      labelProperty: "name",
      style: { color: options.color ?? "#7a4fd0", dashed: false, fillOpacity: 0.2 },
      provenance: { source: p.source!, licence: p.licence!, attribution: p.attribution!, date: p.date!, accuracy: p.accuracy?.trim() || "not stated by the source", approximate: false },
      data: read.data,
    };
    if (options.dryRun) {
      const checked = parseLayer(input);
      if (!checked.value) return { ...report, refused: `the layer breaks ${checked.problems.length} rule(s); nothing was written`, problems: checked.problems.slice(0, 1000) };
      return report;
    }
    const exists = (await store.layer(id)) !== undefined;
    if (exists && !options.replace) return { ...report, refused: `a layer "${id}" exists already; choose another id or replace it` };
    if (exists) await store.replaceLayer(id, input, { actor: options.actor });
    else await store.createLayer(input, { actor: options.actor });
    return report;
  } catch (error) {
    if (error instanceof ImportRefused) return { ...report, refused: error.message };
    if (error instanceof StoreError && error.code !== "unavailable" && error.code !== "timeout") return { ...report, refused: error.message, problems: error.problems.slice(0, 1000) };
    throw error;
  }
}
