import type { FeatureCollection } from "geojson";
import bbox from "@turf/bbox";
import { checkGeometry } from "./geometry-rules";
import { checkBBoxMember, checkProperties, forbiddenMembers } from "./member-rules";
import { isNote, type DataProblem } from "@/lib/model/problem";
import { readJson, schemaProblems } from "./read-json";
import { layerManifestSchema, type LayerManifest } from "@/lib/model/schema";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";

export type LoadedLayer = { manifest: LayerManifest; summary: LayerSummary; data: FeatureCollection };

/**
 * Loads one layer from its manifest (`geo/<id>.layer.json`) and the GeoJSON it names.
 * Features with broken geometry make the whole layer unavailable: a layer with holes in it would
 * mislead more than a missing one, and the analyst is told which layer is missing and why.
 * `manifest` is returned whenever the manifest itself is valid, so that a layer whose geometry file
 * is broken can still be listed under its own title.
 */
export async function readLayer(dataDir: string, manifestFile: string): Promise<{ layer?: LoadedLayer; manifest?: LayerManifest; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const raw = await readJson(dataDir, manifestFile, problems);
  if (raw === undefined) return { problems };
  const parsed = layerManifestSchema.safeParse(raw);
  if (!parsed.success) return { problems: schemaProblems(manifestFile, parsed.error.issues) };
  const manifest = parsed.data;
  const file = `geo/${manifest.file}`;
  const geojson = await readJson(dataDir, file, problems);
  if (geojson === undefined) return { manifest, problems };
  const data = checkFeatureCollection(file, geojson, problems);
  if (!data || problems.some((p) => !isNote(p))) return { manifest, problems };
  return { layer: { manifest, summary: summarise(manifest, data), data }, manifest, problems };
}

/** The API's description of a valid layer; its bbox is always computed from the coordinates. */
export function summarise(manifest: LayerManifest, data: FeatureCollection): LayerSummary {
  const kinds = [...new Set(data.features.map((f) => f.geometry.type.replace(/^Multi/, "")))];
  return {
    ...withoutFile(manifest),
    geometryType: kinds.length === 1 ? kinds[0]! : "GeometryCollection",
    featureCount: data.features.length,
    bbox: roundBBox(bbox(data, { recompute: true }) as BBox),
    source: manifest.provenance.source,
    licence: manifest.provenance.licence,
    attribution: manifest.provenance.attribution,
  };
}

/**
 * Checks a layer's FeatureCollection and returns it ready to serve (rings rewound, given bboxes
 * removed), or undefined when it is not one at all. Every problem goes into `problems`.
 */
export function checkFeatureCollection(file: string, geojson: unknown, problems: DataProblem[]): FeatureCollection | undefined {
  const fc = geojson as Partial<FeatureCollection>;
  if (!fc || typeof fc !== "object" || Array.isArray(fc) || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    problems.push({ file, rule: "not-a-feature-collection", message: 'expected {"type": "FeatureCollection", "features": [...]}' });
    return undefined;
  }
  const before = problems.length;
  const fileReport = (rule: DataProblem["rule"], message: string) => problems.push({ file, rule, message });
  for (const member of forbiddenMembers(fc, "collection")) {
    fileReport("foreign-member", `the FeatureCollection has a "${member}" member, which RFC 7946 §7.1 forbids there`);
  }
  if (fc.features.length === 0) {
    fileReport("empty-layer", "the FeatureCollection has no features: a layer needs at least one to be drawn, framed and referred to");
    return undefined;
  }
  const seen = new Set<string>();
  fc.features.forEach((f, index) => {
    const id = typeof f?.id === "string" && f.id.length > 0 ? f.id : undefined;
    const item = id ?? `features[${index}]`;
    const report = (rule: DataProblem["rule"], message: string) => problems.push({ file, item, rule, message });
    if (!f || typeof f !== "object" || Array.isArray(f) || f.type !== "Feature") return report("schema", 'expected "type": "Feature"');
    if (!id) report("missing-feature-id", "every feature needs a string id so that events and links can name it");
    else if (seen.has(id)) report("duplicate-id", `feature id "${id}" is used more than once in this layer`);
    else seen.add(id);
    for (const member of forbiddenMembers(f, "feature")) {
      report("foreign-member", `the feature has a "${member}" member, which RFC 7946 §7.1 forbids in a Feature: it would make it read as something else`);
    }
    checkProperties(f.properties, report);
    if (checkGeometry(f.geometry, report) && "bbox" in f) checkBBoxMember(f.bbox, f, "the feature's", report, report);
  });
  collapseNotes(problems, before, file);
  const data = { type: "FeatureCollection", features: fc.features } as FeatureCollection;
  if ("bbox" in fc && problems.slice(before).every(isNote)) checkBBoxMember(fc.bbox, data, "the FeatureCollection's", fileReport, fileReport);
  return data;
}

/** More notes of one rule than this in one file become a single note that counts them. */
const NOTES_PER_RULE = 3;

/**
 * A shapefile export wound clockwise throughout would otherwise log one note per feature: beyond
 * NOTES_PER_RULE notes of a rule in a file, they are replaced by one that counts them and names the first.
 */
function collapseNotes(problems: DataProblem[], from: number, file: string) {
  const notes = new Map<DataProblem["rule"], DataProblem[]>();
  for (const p of problems.slice(from)) if (isNote(p)) notes.set(p.rule, [...(notes.get(p.rule) ?? []), p]);
  for (const [rule, list] of notes) {
    if (list.length <= NOTES_PER_RULE) continue;
    const first = list[0]!;
    const kept = problems.filter((p, i) => i < from || p.rule !== rule);
    problems.splice(0, problems.length, ...kept, { file, rule, message: `${list.length} features, the first ${first.item ?? ""}: ${first.message}` });
  }
}

function withoutFile(manifest: LayerManifest): Omit<LayerManifest, "file"> {
  const { file: _file, ...rest } = manifest;
  return rest;
}

const roundBBox = (b: BBox): BBox => b.map((v) => Math.round(v * 1e5) / 1e5) as BBox;
