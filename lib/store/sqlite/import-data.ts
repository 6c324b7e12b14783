import type { Feature } from "geojson";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { DataProblem } from "@/lib/model/problem";
import { StoreError, type ArticleInput, type DataSet, type ImportSummary, type LayerInput } from "../store";
import { checkEventReferences, duplicateIds, parseArticle, parseEvent, parseLayer } from "../validate";
import { bodyOf } from "./records";
import type { SqliteStore } from "./sqlite-store";

/**
 * A whole data set into the store, inside the caller's transaction: everything is checked first
 * (every problem listed), and nothing is written unless all of it is valid.
 */
export function importInto(store: SqliteStore, data: DataSet, write: { actor: string; mode: "replace" | "merge" }): ImportSummary {
  const { db, s, records } = store.parts;
  const merge = write.mode === "merge";
  const problems: DataProblem[] = [];

  const layers: (LayerInput & { summary: LayerSummary })[] = [];
  data.layers.forEach((input, i) => {
    const r = parseLayer(input, "layers", `layers[${i}]${label(input)}`);
    problems.push(...r.problems);
    if (r.value) layers.push(r.value);
  });
  problems.push(...duplicateIds("layer", layers.map((l) => l.id), "layers"));

  const articles: ArticleInput[] = [];
  data.articles.forEach((input, i) => {
    const r = parseArticle(input, "articles", `articles[${i}]${label(input)}`);
    problems.push(...r.problems);
    if (r.value) articles.push(r.value);
  });
  problems.push(...duplicateIds("article", articles.map((a) => a.id), "articles"));

  // References resolve against the data set first, then (merging) against what the store holds.
  const features = new Map(layers.map((l) => [l.id, new Map(l.data.features.map((f) => [String(f.id), f]))]));
  const labels = new Map(layers.map((l) => [l.id, l.labelProperty]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const base = store.eventContext("");
  const feature = (layer: string, id: string): Feature | undefined => (features.has(layer) ? features.get(layer)!.get(id) : merge ? base.feature(layer, id) : undefined);
  const labelProperty = (layer: string) => labels.get(layer) ?? base.labelProperty(layer);
  const articleText = (id: string) => texts.get(id) ?? (merge ? (s.articleText.get(id) as string | undefined) : undefined);

  const importedIds = new Set(data.events.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === "string"));
  if (merge) problems.push(...keptEventsStillValid(store, layers, articles, importedIds, feature, labelProperty, articleText));

  // Layers and articles are written first, then each event as soon as it is checked, so that a
  // large import never holds a second, checked copy of every event. The first problem stops the
  // writing (the checks go on, to list every problem) and the transaction is rolled back.
  const before = merge ? null : counts(db);
  let writing = problems.length === 0;
  if (writing) writeLayersAndArticles(store, data, layers, articles, merge);
  const seen = new Set<string>();
  let written = 0;
  data.events.forEach((input, i) => {
    const at = `events[${i}]${label(input)}`;
    const parsed = parseEvent(input, "events", at);
    if (!parsed.value) {
      problems.push(...parsed.problems);
      writing = false;
      return;
    }
    const r = checkEventReferences(parsed.value, { articleText: articleText(parsed.value.article), feature, labelProperty }, "events", at);
    if (r.value && seen.has(r.value.id)) r.problems.push({ file: "events", item: at, rule: "duplicate-id", message: `event id "${r.value.id}" is given more than once` });
    if (r.value) seen.add(r.value.id);
    if (r.problems.length > 0 || !r.value) {
      problems.push(...r.problems);
      writing = false;
      return;
    }
    if (!writing) return;
    const row = s.eventRow.get(r.value.id) as { rowid: number; version: number } | undefined;
    records.putEvent(r.value, (row?.version ?? 0) + 1, row?.rowid);
    written++;
  });

  if (problems.length > 0) {
    throw new StoreError("invalid", `the import has ${problems.length} problem(s); nothing was written`, problems);
  }
  if (merge) {
    // Events already stored relate to the new layers too.
    for (const layer of layers) {
      store.reresolveEventsNaming(layer.id);
      records.refreshLayerMembers(layer.id);
    }
  }
  const summary: ImportSummary = { layers: layers.length, articles: articles.length, events: written };
  store.log(write.actor, "import", "data", write.mode, before, { mode: write.mode, ...summary });
  return summary;
}

function writeLayersAndArticles(store: SqliteStore, data: DataSet, layers: (LayerInput & { summary: LayerSummary })[], articles: ArticleInput[], merge: boolean): void {
  const { db, s, records } = store.parts;
  if (!merge) {
    for (const table of ["layer_members", "event_places", "event_text", "event_boxes", "events", "articles", "feature_boxes", "features", "layers", "unavailable_layers"]) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  }
  const removeUnavailable = db.prepare("DELETE FROM unavailable_layers WHERE id = ?");
  for (const layer of layers) {
    const version = s.layerVersion.get(layer.id) as number | undefined;
    records.putLayer(layer, (version ?? 0) + 1);
    removeUnavailable.run(layer.id);
  }
  const putUnavailable = db.prepare("INSERT OR REPLACE INTO unavailable_layers (id, title, file, problems) VALUES (?, ?, ?, ?)");
  for (const u of data.unavailable ?? []) {
    if (s.layerVersion.get(u.id) === undefined) putUnavailable.run(u.id, u.title, u.file, JSON.stringify(u.problems));
  }
  for (const article of articles) {
    const version = s.articleVersion.get(article.id) as number | undefined;
    records.putArticle(article, (version ?? 0) + 1, version !== undefined);
  }
}

/** Merging: stored events left out of the import must still quote their articles and name existing features. */
function keptEventsStillValid(
  store: SqliteStore,
  layers: LayerInput[],
  articles: ArticleInput[],
  imported: Set<string>,
  feature: (layer: string, id: string) => Feature | undefined,
  labelProperty: (layer: string) => string,
  articleText: (id: string) => string | undefined,
): DataProblem[] {
  const { db } = store.parts;
  const rowids = new Set<number>();
  const byArticle = db.prepare("SELECT rowid FROM events WHERE article = ?").pluck();
  const byLayer = db.prepare("SELECT DISTINCT event FROM event_places WHERE layer = ?").pluck();
  for (const a of articles) for (const r of byArticle.all(a.id) as number[]) rowids.add(r);
  for (const l of layers) for (const r of byLayer.all(l.id) as number[]) rowids.add(r);
  const problems: DataProblem[] = [];
  for (const rowid of rowids) {
    const event = store.eventAt(rowid).value;
    if (imported.has(event.id)) continue;
    const r = checkEventReferences(bodyOf(event), { articleText: articleText(event.article), feature, labelProperty }, "store", `stored event ${event.id}`);
    problems.push(...r.problems);
  }
  return problems;
}

function counts(db: SqliteStore["parts"]["db"]): { layers: number; articles: number; events: number } {
  const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { layers: n("layers"), articles: n("articles"), events: n("events") };
}

/** ` (id)` after a batch position, when the input has a usable id. */
function label(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.length <= 120 ? ` (${id})` : "";
}
