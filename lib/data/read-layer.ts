import type { Feature, FeatureCollection } from "geojson";
import bbox from "@turf/bbox";
import { checkGeometry } from "./geometry-rules";
import type { DataProblem } from "@/lib/model/problem";
import { readJson, schemaProblems } from "./read-json";
import { layerManifestSchema, type LayerManifest } from "@/lib/model/schema";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";

export type LoadedLayer = { manifest: LayerManifest; summary: LayerSummary; data: FeatureCollection };

/**
 * Loads one layer from its manifest (`geo/<id>.layer.json`) and the GeoJSON it names.
 * Features with broken geometry make the whole layer unavailable: a layer with holes in it would
 * mislead more than a missing one, and the analyst is told which layer is missing and why.
 */
export async function readLayer(dataDir: string, manifestFile: string): Promise<{ layer?: LoadedLayer; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const raw = await readJson(dataDir, manifestFile, problems);
  if (raw === undefined) return { problems };
  const parsed = layerManifestSchema.safeParse(raw);
  if (!parsed.success) return { problems: schemaProblems(manifestFile, parsed.error.issues) };
  const manifest = parsed.data;
  const file = `geo/${manifest.file}`;
  const geojson = await readJson(dataDir, file, problems);
  if (geojson === undefined) return { problems };
  const features = checkFeatureCollection(file, geojson, problems);
  if (!features || problems.length > 0) return { problems };

  const data: FeatureCollection = { type: "FeatureCollection", features };
  const kinds = [...new Set(features.map((f) => f.geometry.type.replace(/^Multi/, "")))];
  const summary: LayerSummary = {
    ...withoutFile(manifest),
    geometryType: kinds.length === 1 ? kinds[0]! : "GeometryCollection",
    featureCount: features.length,
    bbox: roundBBox(bbox(data) as BBox),
    source: manifest.provenance.source,
    licence: manifest.provenance.licence,
    attribution: manifest.provenance.attribution,
  };
  return { layer: { manifest, summary, data }, problems };
}

function checkFeatureCollection(file: string, geojson: unknown, problems: DataProblem[]): Feature[] | undefined {
  const fc = geojson as Partial<FeatureCollection>;
  if (!fc || typeof fc !== "object" || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    problems.push({ file, rule: "not-a-feature-collection", message: 'expected {"type": "FeatureCollection", "features": [...]}' });
    return undefined;
  }
  const seen = new Set<string>();
  fc.features.forEach((f, index) => {
    const id = typeof f?.id === "string" && f.id.length > 0 ? f.id : undefined;
    const item = id ?? `features[${index}]`;
    const report = (rule: DataProblem["rule"], message: string) => problems.push({ file, item, rule, message });
    if (f?.type !== "Feature") return report("schema", 'expected "type": "Feature"');
    if (!id) report("missing-feature-id", "every feature needs a string id so that events and links can name it");
    else if (seen.has(id)) report("duplicate-id", `feature id "${id}" is used more than once in this layer`);
    else seen.add(id);
    if (f.properties !== null && typeof f.properties !== "object") report("schema", "properties must be an object or null");
    checkGeometry(f.geometry, report);
  });
  return fc.features as Feature[];
}

function withoutFile(manifest: LayerManifest): Omit<LayerManifest, "file"> {
  const { file: _file, ...rest } = manifest;
  return rest;
}

const roundBBox = (b: BBox): BBox => b.map((v) => Math.round(v * 1e5) / 1e5) as BBox;
