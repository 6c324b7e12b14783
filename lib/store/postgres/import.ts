import type pg from "pg";
import type { DataProblem } from "@/lib/model/problem";
import type { BriefEvent } from "@/lib/model/schema";
import { StoreError, type ArticleInput, type DataSet, type ImportSummary } from "../store";
import { duplicateIds, parseArticle, parseEvent, parseLayer } from "../validate";
import { inTransaction, type Pools } from "./connection";
import { nulProblems } from "./nul";
import { eventRecord, insertEvents, lookupFeatures, refreshAllMembers, refreshLayerMembers, type EventRecord, type FeatureLookup } from "./event-records";
import { insertLayer, layerLookup, type CheckedLayer } from "./layer-records";
import { articleSearch, audit, describe, insertArticle, replaceLayerRows } from "./writes";

/** Events go to the database in batches of this many: one statement each, a bounded parameter. */
const BATCH = 2_000;
/** An import of a million events runs longer than any single query may; each statement still ends. */
const IMPORT_STATEMENT_TIMEOUT = "10min";
/** From this many events on, a load into an empty store builds its indexes after the rows. */
const BULK_LOAD = 20_000;
/** The indexes a bulk load rebuilds, exactly as migration 1 creates them. */
const INDEXES = {
  whereWhen: "CREATE INDEX events_where_when ON events USING gist (point, days)",
  search: "CREATE INDEX events_search ON events USING gin (search gin_trgm_ops)",
};
/** A broken data set lists this many problems at most, so that the answer stays readable. */
const MAX_PROBLEMS = 1_000;

/**
 * A whole data set in one transaction: every item validated (all problems listed, nothing written
 * when there is one), `replace` empties the store first, `merge` adds and replaces by id.
 */
export async function importData(pools: Pools, data: DataSet, write: { actor: string; mode: "replace" | "merge" }): Promise<ImportSummary> {
  const problems: DataProblem[] = [];
  const layers: CheckedLayer[] = [];
  data.layers.forEach((input, i) => {
    const at = `layers[${i}]${idOf(input)}`;
    const parsed = parseLayer(input, "data", at);
    problems.push(...parsed.problems, ...(parsed.value ? nulProblems(parsed.value, "data", at) : []));
    if (parsed.value) layers.push(parsed.value);
  });
  const articles: ArticleInput[] = [];
  data.articles.forEach((input, i) => {
    const at = `articles[${i}]${idOf(input)}`;
    const parsed = parseArticle(input, "data", at);
    problems.push(...parsed.problems, ...(parsed.value ? nulProblems(parsed.value, "data", at) : []));
    if (parsed.value) articles.push(parsed.value);
  });
  problems.push(...duplicateIds("layer", layers.map((l) => l.id), "data"), ...duplicateIds("article", articles.map((a) => a.id), "data"));
  problems.push(...duplicateIds("event", data.events.map((e) => (e as { id?: unknown })?.id).filter((id): id is string => typeof id === "string"), "data"));
  if (problems.length > 0) throw invalid(problems);

  return inTransaction(pools, async (db) => {
    await db.query(`SET LOCAL statement_timeout = '${IMPORT_STATEMENT_TIMEOUT}'`);
    await db.query("UPDATE store_state SET revision = revision + 1");
    if (write.mode === "replace") {
      for (const table of ["layer_members", "event_places", "events", "features", "layers", "articles", "unavailable_layers"]) {
        await db.query(`DELETE FROM ${table}`);
      }
    }
    // A large load into no events (a first start, a fresh db:import) builds the big indexes once at
    // the end instead of row by row. Dropping them locks the events table until commit, which is
    // why a store that already holds events is loaded with its indexes in place.
    const bulk = data.events.length >= BULK_LOAD && !(await db.query("SELECT 1 FROM events LIMIT 1")).rowCount;
    if (bulk) await db.query("DROP INDEX events_where_when, events_search");
    // Membership for the whole store at the end, area by area, when the store holds only this set
    // or the set is large; a small merge into a large store computes just its own events'.
    const wholeMembership = write.mode === "replace" || data.events.length >= BULK_LOAD;

    // Layers first: events are checked against them.
    const features: FeatureLookup = new Map();
    for (const layer of layers) layerLookup(layer, features);
    for (const layer of layers) {
      const existing = write.mode === "merge" ? await versionOf(db, "layers", layer.id) : undefined;
      if (existing === undefined) {
        await insertLayer(db, layer, 1);
        if (!wholeMembership) await refreshLayerMembers(db, layer.id);
      } else {
        await replaceLayerRows(db, layer, existing + 1);
      }
    }

    const texts = new Map(articles.map((a) => [a.id, a.text]));
    let importedEvents: Set<string> | undefined;
    for (const article of articles) {
      const existing = write.mode === "merge" ? await versionOf(db, "articles", article.id) : undefined;
      if (existing === undefined) {
        await insertArticle(db, article, 1);
      } else {
        importedEvents ??= new Set(data.events.map((e) => (e as { id?: unknown })?.id as string));
        await replaceArticleText(db, article, existing + 1, importedEvents, problems);
      }
    }

    const importedLayers = new Set(layers.map((l) => l.id));
    let count = 0;
    for (let start = 0; start < data.events.length; start += BATCH) {
      const batch = data.events.slice(start, start + BATCH);
      const parsed: { event: BriefEvent; at: string }[] = [];
      batch.forEach((input, k) => {
        const at = `events[${start + k}]${idOf(input)}`;
        const result = parseEvent(input, "data", at);
        const nul = result.value ? nulProblems(result.value, "data", at) : [];
        if (result.value && nul.length === 0) parsed.push({ event: result.value, at });
        else problems.push(...result.problems, ...nul);
      });
      if (write.mode === "merge") {
        // What the data set does not carry is checked against the store: other layers, other articles.
        // Features of an imported layer are only ever the imported ones, never an older stored copy.
        const outside = parsed.map((p) => p.event).filter((e) => [e.where, ...e.about].some((r) => "layer" in r && !importedLayers.has(r.layer)));
        await lookupFeatures(db, outside, features);
        const missing = [...new Set(parsed.map((p) => p.event.article).filter((a) => !texts.has(a)))];
        if (missing.length > 0) {
          const { rows } = await db.query<{ id: string; text: string }>("SELECT id, text FROM articles WHERE id = ANY($1::text[]) FOR SHARE", [missing]);
          for (const r of rows) texts.set(r.id, r.text);
        }
      }
      const records: EventRecord[] = [];
      for (const { event, at } of parsed) {
        const result = eventRecord(event, texts.get(event.article), features, 1, "data", at);
        if (result.record) records.push(result.record);
        else problems.push(...result.problems);
      }
      if (problems.length >= MAX_PROBLEMS) break;
      if (problems.length > 0) continue; // keep checking, write nothing more
      if (write.mode === "merge") {
        const { rows } = await db.query<{ id: string; version: number }>("DELETE FROM events WHERE id = ANY($1::text[]) RETURNING id, version", [records.map((r) => r.id)]);
        const versions = new Map(rows.map((r) => [r.id, r.version]));
        for (const r of records) r.version = (versions.get(r.id) ?? 0) + 1;
      }
      await insertEvents(db, records, { members: !wholeMembership });
      count += records.length;
    }
    if (problems.length > 0) throw invalid(problems);
    if (bulk) await db.query(INDEXES.whereWhen);
    if (wholeMembership) await refreshAllMembers(db);
    if (bulk) await db.query(INDEXES.search);

    // Layers the files had but could not be used: still listed, so that the analyst knows what is missing.
    for (const u of data.unavailable ?? []) {
      if (importedLayers.has(u.id)) continue;
      await db.query(
        `INSERT INTO unavailable_layers (id, title, file, problems) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, file = EXCLUDED.file, problems = EXCLUDED.problems`,
        [u.id, u.title, u.file, JSON.stringify(u.problems)],
      );
    }
    if (importedLayers.size > 0) await db.query("DELETE FROM unavailable_layers WHERE id = ANY($1::text[])", [[...importedLayers]]);

    const summary: ImportSummary = { layers: layers.length, articles: articles.length, events: count };
    await audit(db, write, "import", "data", write.mode, null, summary);
    return summary;
  });
}

/** In a merge, an article's new text must still hold the quotes of its events the data set does not replace. */
async function replaceArticleText(db: pg.PoolClient, article: ArticleInput, version: number, replacedEvents: Set<string>, problems: DataProblem[]): Promise<void> {
  const { rows } = await db.query<{ body: BriefEvent }>("SELECT body FROM events WHERE article = $1", [article.id]);
  for (const { body } of rows) {
    if (replacedEvents.has(body.id)) continue;
    body.sources.forEach((s, i) => {
      if (article.text.slice(s.start, s.end) !== s.quote) {
        problems.push({ file: "data", item: `articles (${article.id}) text`, rule: "quote-not-in-article", message: `stored event "${body.id}" sources[${i}] no longer finds its quote at ${s.start}-${s.end}` });
      }
    });
  }
  const { text: _text, ...meta } = article;
  await db.query("UPDATE articles SET published = $2, meta = $3, text = $4, search = $5, version = $6 WHERE id = $1", [
    article.id,
    article.published,
    JSON.stringify(meta),
    article.text,
    articleSearch(article),
    version,
  ]);
}

async function versionOf(db: pg.PoolClient, table: "layers" | "articles", id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0]?.version;
}

function invalid(problems: DataProblem[]): StoreError {
  const shown = problems.slice(0, MAX_PROBLEMS);
  return new StoreError("invalid", `the data set has ${problems.length}${problems.length >= MAX_PROBLEMS ? "+" : ""} problem(s), nothing was imported: ${describe(shown)}`, shown);
}

const idOf = (input: unknown) => {
  const id = (input as { id?: unknown })?.id;
  return typeof id === "string" ? ` (${id})` : "";
};
