import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Feature } from "geojson";
import { byTime } from "@/lib/model/event-order";
import type { FeatureIndex } from "./place";
import { isNote, type DataProblem } from "@/lib/model/problem";
import type { LayerManifest } from "@/lib/model/schema";
import type { Article, LoadedEvent } from "@/lib/model/event";
import { readArticle } from "./read-article";
import { readLayer, type LoadedLayer } from "./read-layer";
import type { UnavailableLayer } from "@/lib/model/layer-summary";

export type BriefData = {
  /** Valid layers in draw order. */
  layers: LoadedLayer[];
  /** Layers whose files are broken: still listed so the analyst knows what is missing. */
  unavailable: UnavailableLayer[];
  articles: Article[];
  /** Events in time order. */
  events: LoadedEvent[];
  problems: DataProblem[];
};

/** Loads and validates everything under a data folder (`geo/`, `articles/`). Never throws for bad data. */
export async function loadBriefData(dataDir: string): Promise<BriefData> {
  const problems: DataProblem[] = [];
  const layers: LoadedLayer[] = [];
  const unavailable: UnavailableLayer[] = [];

  for (const file of await list(dataDir, "geo", ".layer.json", problems)) {
    const { layer, manifest, problems: found } = await readLayer(dataDir, file);
    problems.push(...found);
    const id = manifest?.id ?? file.replace(/^geo\/|\.layer\.json$/g, "");
    if (layer && layers.some((l) => l.manifest.id === id)) {
      problems.push({ file, rule: "duplicate-id", message: `layer id "${id}" is already used by another manifest` });
    } else if (layer) {
      layers.push(layer);
    } else {
      unavailable.push(unavailableLayer(id, file, manifest, found));
    }
  }
  layers.sort((a, b) => a.manifest.order - b.manifest.order);

  const features: FeatureIndex = new Map(
    layers.map((l) => [l.manifest.id, new Map(l.data.features.map((f: Feature) => [String(f.id), f]))]),
  );
  const broken = new Set(unavailable.map((u) => u.id));
  const labels = new Map(layers.map((l) => [l.manifest.id, l.manifest.labelProperty]));
  const labelProperty = (layer: string) => labels.get(layer) ?? "name";

  const articles: Article[] = [];
  const events: LoadedEvent[] = [];
  const eventIds = new Set<string>();
  for (const file of await list(dataDir, "articles", ".article.json", problems)) {
    const result = await readArticle(dataDir, file, features, labelProperty, eventIds, broken);
    problems.push(...result.problems);
    if (result.article && articles.some((a) => a.id === result.article!.id)) {
      problems.push({ file, rule: "duplicate-id", message: `article id "${result.article.id}" is already used` });
      continue;
    }
    if (result.article) articles.push(result.article);
    events.push(...result.events);
  }
  events.sort(byTime);
  return { layers, unavailable, articles, events, problems };
}

/**
 * What the analyst is told about a layer that cannot be served: its own title when the manifest is
 * valid, the file that is broken (the .geojson when the geometry is at fault, else the manifest)
 * and each refusing problem with its rule. Notes (repairs) are left out: they did not refuse it.
 */
function unavailableLayer(id: string, manifestFile: string, manifest: LayerManifest | undefined, found: DataProblem[]): UnavailableLayer {
  const refusing = found.filter((p) => !isNote(p));
  const geometryFile = manifest ? `geo/${manifest.file}` : undefined;
  const file = refusing.some((p) => p.file === geometryFile) ? geometryFile! : manifestFile;
  return {
    id,
    title: manifest?.title ?? id,
    file,
    problems: refusing.map((p) => `${p.item ? `${p.item}: ` : ""}${p.rule}: ${p.message}`),
  };
}

async function list(dataDir: string, folder: string, suffix: string, problems: DataProblem[]): Promise<string[]> {
  try {
    const names = await readdir(join(dataDir, folder));
    return names.filter((n) => n.endsWith(suffix)).sort().map((n) => `${folder}/${n}`);
  } catch {
    problems.push({ file: folder, rule: "unreadable-file", message: "folder is missing or unreadable" });
    return [];
  }
}

