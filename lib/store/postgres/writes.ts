import type { Feature } from "geojson";
import type pg from "pg";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { DataProblem } from "@/lib/model/problem";
import type { BriefEvent } from "@/lib/model/schema";
import { fold } from "../search-text";
import { StoreError, type ArticleInput, type AuditAction, type AuditEntity, type LayerInput, type StoredLayer, type Versioned, type WriteContext } from "../store";
import { parseArticle, parseEvent, parseLayer } from "../validate";
import { inTransaction, type Pools } from "./connection";
import { eventRecord, insertEvents, lookupFeatures, refreshLayerMembers, type EventRecord } from "./event-records";
import { insertLayer, type CheckedLayer } from "./layer-records";
import { hasNul, nulProblems } from "./nul";
import { articleOf, eventOf, manifestOf } from "./rows";

type Db = pg.PoolClient;

/**
 * Every write: one transaction that first takes the revision row (so writers queue there and never
 * deadlock on each other), checks the version the client last read (If-Match), validates against
 * what the store holds, writes, and appends to the audit log.
 */
export class Writes {
  constructor(private readonly pools: Pools) {}

  // ---- events

  createEvent(input: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>> {
    const event = valid(parseEvent(input));
    return this.write(async (db) => {
      if ((await db.query("SELECT 1 FROM events WHERE id = $1", [event.id])).rowCount) {
        throw new StoreError("duplicate", `an event with id "${event.id}" already exists`, [
          { file: "body", item: "id", rule: "duplicate-id", message: `event id "${event.id}" is already used` },
        ]);
      }
      const record = await checkedEvent(db, event, 1);
      await insertEvents(db, [record]);
      await audit(db, write, "create", "event", event.id, null, record.body);
      return { value: eventOf(record), version: 1 };
    });
  }

  replaceEvent(id: string, input: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>> {
    return this.write(async (db) => {
      const current = await lockRow<{ body: BriefEvent }>(db, "events", "body", id, "event", write);
      const event = valid(parseEvent(input));
      sameId("event", id, event.id);
      const record = await checkedEvent(db, event, current.version + 1);
      await db.query("DELETE FROM events WHERE id = $1", [id]);
      await insertEvents(db, [record]);
      await audit(db, write, "replace", "event", id, current.body, record.body);
      return { value: eventOf(record), version: record.version };
    });
  }

  deleteEvent(id: string, write: WriteContext): Promise<void> {
    return this.write(async (db) => {
      const current = await lockRow<{ body: BriefEvent }>(db, "events", "body", id, "event", write);
      await db.query("DELETE FROM events WHERE id = $1", [id]);
      await audit(db, write, "delete", "event", id, current.body, null);
    });
  }

  // ---- articles

  createArticle(input: ArticleInput, write: WriteContext): Promise<Versioned<Article>> {
    const article = valid(parseArticle(input));
    return this.write(async (db) => {
      if ((await db.query("SELECT 1 FROM articles WHERE id = $1", [article.id])).rowCount) {
        throw new StoreError("duplicate", `an article with id "${article.id}" already exists`, [
          { file: "body", item: "id", rule: "duplicate-id", message: `article id "${article.id}" is already used` },
        ]);
      }
      await insertArticle(db, article, 1);
      await audit(db, write, "create", "article", article.id, null, article);
      return { value: articleFromInput(article), version: 1 };
    });
  }

  replaceArticle(id: string, input: ArticleInput, write: WriteContext): Promise<Versioned<Article>> {
    return this.write(async (db) => {
      const current = await lockRow<{ meta: Omit<ArticleInput, "text">; text: string }>(db, "articles", "meta, text", id, "article", write);
      const article = valid(parseArticle(input));
      sameId("article", id, article.id);
      // The article's events quote it at offsets: a new text must still hold every quote where it was.
      const { rows } = await db.query<{ id: string; body: BriefEvent }>("SELECT id, body FROM events WHERE article = $1 ORDER BY id", [id]);
      const broken: DataProblem[] = [];
      for (const e of rows) {
        e.body.sources.forEach((s, i) => {
          if (article.text.slice(s.start, s.end) !== s.quote) {
            broken.push({ file: "body", item: `events (${e.id}) sources[${i}].quote`, rule: "quote-not-in-article", message: `the quote “${clip(s.quote)}” is no longer at ${s.start}-${s.end} in the new text` });
          }
        });
      }
      if (broken.length > 0) throw new StoreError("invalid", `the new text breaks ${broken.length} quote(s) of the article's events`, broken);
      await db.query("UPDATE articles SET published = $2, meta = $3, text = $4, search = $5, version = $6 WHERE id = $1", [
        id,
        article.published,
        JSON.stringify(metaOf(article)),
        article.text,
        articleSearch(article),
        current.version + 1,
      ]);
      await audit(db, write, "replace", "article", id, { ...current.meta, text: current.text }, article);
      return { value: articleFromInput(article), version: current.version + 1 };
    });
  }

  deleteArticle(id: string, write: WriteContext & { cascade?: boolean }): Promise<void> {
    return this.write(async (db) => {
      const current = await lockRow<{ meta: Omit<ArticleInput, "text">; text: string }>(db, "articles", "meta, text", id, "article", write);
      const { rows } = await db.query<{ id: string }>("SELECT id FROM events WHERE article = $1 ORDER BY id FOR UPDATE", [id]);
      if (rows.length > 0 && !write.cascade) {
        throw new StoreError("conflict", `${rows.length} event(s) cite article "${id}" (${listed(rows.map((r) => r.id))}); delete them first or ask for a cascade`);
      }
      if (rows.length > 0) {
        await db.query(
          `INSERT INTO audit (actor, action, entity, entity_id, before, after)
           SELECT $1, 'delete', 'event', e.id, e.body, NULL FROM events e WHERE e.article = $2 ORDER BY e.id`,
          [write.actor, id],
        );
        await db.query("DELETE FROM events WHERE article = $1", [id]);
      }
      await db.query("DELETE FROM articles WHERE id = $1", [id]);
      await audit(db, write, "delete", "article", id, { ...current.meta, text: current.text }, null);
    });
  }

  // ---- layers

  createLayer(input: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>> {
    const layer = valid(parseLayer(input));
    return this.write(async (db) => {
      if ((await db.query("SELECT 1 FROM layers WHERE id = $1", [layer.id])).rowCount) {
        throw new StoreError("duplicate", `a layer with id "${layer.id}" already exists`, [
          { file: "body", item: "id", rule: "duplicate-id", message: `layer id "${layer.id}" is already used` },
        ]);
      }
      await db.query("DELETE FROM unavailable_layers WHERE id = $1", [layer.id]);
      await insertLayer(db, layer, 1);
      await refreshLayerMembers(db, layer.id);
      await audit(db, write, "create", "layer", layer.id, null, inputOf(layer));
      return { value: storedLayer(layer), version: 1 };
    });
  }

  replaceLayer(id: string, input: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>> {
    return this.write(async (db) => {
      const current = await lockRow<{ manifest: Omit<LayerInput, "data"> }>(db, "layers", "manifest", id, "layer", write);
      const layer = valid(parseLayer(input));
      sameId("layer", id, layer.id);
      const before = await layerInput(db, current.manifest);
      await replaceLayerRows(db, layer, current.version + 1);
      await audit(db, write, "replace", "layer", id, before, inputOf(layer));
      return { value: storedLayer(layer), version: current.version + 1 };
    });
  }

  deleteLayer(id: string, write: WriteContext): Promise<void> {
    return this.write(async (db) => {
      const current = await lockRow<{ manifest: Omit<LayerInput, "data"> }>(db, "layers", "manifest", id, "layer", write);
      const { rows } = await db.query<{ event: string }>("SELECT DISTINCT event FROM event_places WHERE layer = $1 ORDER BY event", [id]);
      if (rows.length > 0) {
        throw new StoreError("conflict", `${rows.length} event(s) name features of layer "${id}" (${listed(rows.map((r) => r.event))}); change or delete them first`);
      }
      const before = await layerInput(db, current.manifest);
      await db.query("DELETE FROM layer_members WHERE layer = $1", [id]);
      await db.query("DELETE FROM layers WHERE id = $1", [id]);
      await audit(db, write, "delete", "layer", id, before, null);
    });
  }

  /** One write transaction; the revision row is taken first, so that writers queue in one place. */
  private write<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.pools, async (db) => {
      await db.query("UPDATE store_state SET revision = revision + 1");
      return work(db);
    });
  }
}

/**
 * Replaces a layer's features, refusing when events name a feature the new data drops, and brings
 * the events that name the layer up to date (their resolved names and points, their search text).
 */
export async function replaceLayerRows(db: Db, layer: CheckedLayer, version: number): Promise<void> {
  const ids = layer.data.features.map((f) => String(f.id));
  const { rows: orphans } = await db.query<{ feature: string; events: string[] }>(
    `SELECT feature, array_agg(event ORDER BY event) AS events FROM event_places
      WHERE layer = $1 AND NOT (feature = ANY($2::text[])) GROUP BY feature ORDER BY feature`,
    [layer.id, ids],
  );
  if (orphans.length > 0) {
    throw new StoreError(
      "conflict",
      `events name features the new data of layer "${layer.id}" drops: ${orphans.map((o) => `"${o.feature}" (${listed(o.events)})`).join(", ")}`,
      orphans.map((o) => ({ file: "body", item: `data.features (${o.feature})`, rule: "unknown-reference", message: `feature "${o.feature}" is named by event(s) ${listed(o.events)}` })),
    );
  }
  // Features go with their layer row (ON DELETE CASCADE); event_places and layer_members stay.
  await db.query("DELETE FROM layers WHERE id = $1", [layer.id]);
  await insertLayer(db, layer, version);
  const { rows: naming } = await db.query<{ body: BriefEvent; version: number; text: string }>(
    `SELECT e.body, e.version, a.text FROM events e JOIN articles a ON a.id = e.article
      WHERE e.id IN (SELECT event FROM event_places WHERE layer = $1)`,
    [layer.id],
  );
  if (naming.length > 0) {
    const features = await lookupFeatures(db, naming.map((r) => r.body));
    const records = naming.map((r) => {
      const { record, problems } = eventRecord(r.body, r.text, features, r.version);
      if (!record) throw new StoreError("conflict", `event "${r.body.id}" no longer resolves against layer "${layer.id}"`, problems);
      return record;
    });
    await db.query("DELETE FROM events WHERE id = ANY($1::text[])", [records.map((r) => r.id)]);
    await insertEvents(db, records);
  }
  await refreshLayerMembers(db, layer.id);
}

/** A stored layer in the form it was written (manifest and features), for the audit log. */
async function layerInput(db: Db, manifest: Omit<LayerInput, "data">): Promise<LayerInput> {
  const { rows } = await db.query<{ feature: Feature }>("SELECT feature FROM features WHERE layer = $1 ORDER BY position", [manifest.id]);
  return { ...manifest, data: { type: "FeatureCollection", features: rows.map((r) => r.feature) } };
}

/** Checks an event against the stored article and features; the article row is held until commit. */
async function checkedEvent(db: Db, event: BriefEvent, version: number): Promise<EventRecord> {
  const { rows } = await db.query<{ text: string }>("SELECT text FROM articles WHERE id = $1 FOR SHARE", [event.article]);
  const features = await lookupFeatures(db, [event]);
  const { record, problems } = eventRecord(event, rows[0]?.text, features, version);
  if (!record) throw new StoreError("invalid", describe(problems), problems);
  return record;
}

/** The current row, locked until commit; not-found or stale (If-Match differs) otherwise. */
async function lockRow<T>(db: Db, table: "events" | "articles" | "layers", columns: string, id: string, kind: string, write: WriteContext): Promise<T & { version: number }> {
  if (hasNul(id)) throw new StoreError("not-found", `no ${kind} with this id (it holds a NUL character)`);
  const { rows } = await db.query<T & { version: number }>(`SELECT ${columns}, version FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new StoreError("not-found", `no ${kind} with id "${id}"`);
  if (write.ifMatch !== undefined && write.ifMatch !== current.version) {
    throw new StoreError("stale", `the ${kind} "${id}" changed since it was read (version ${write.ifMatch}, now ${current.version}); read it again`);
  }
  return current;
}

export async function audit(db: Db, write: { actor: string }, action: AuditAction, entity: AuditEntity, entityId: string, before: unknown, after: unknown): Promise<void> {
  await db.query("INSERT INTO audit (actor, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)", [
    write.actor,
    action,
    entity,
    entityId,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
  ]);
}

export async function insertArticle(db: Db, article: ArticleInput, version: number): Promise<void> {
  await db.query("INSERT INTO articles (id, published, meta, text, search, version) VALUES ($1, $2, $3, $4, $5, $6)", [
    article.id,
    article.published,
    JSON.stringify(metaOf(article)),
    article.text,
    articleSearch(article),
    version,
  ]);
}

const metaOf = ({ text: _text, ...meta }: ArticleInput) => meta;
/** What the articles panel filter searches: title and publisher, folded. */
export const articleSearch = (a: ArticleInput) => fold([a.title, a.publisher ?? ""].join("\n"));
const articleFromInput = (a: ArticleInput): Article => articleOf({ meta: metaOf(a), text: a.text });
const inputOf = ({ summary: _summary, ...layer }: CheckedLayer): LayerInput => layer;
export const storedLayer = (layer: CheckedLayer): StoredLayer => {
  const { data, summary, ...manifest } = layer;
  return { manifest: manifestOf({ manifest }), summary, data };
};

function valid<T>(parsed: { value?: T; problems: DataProblem[] }): T {
  const problems = parsed.value === undefined ? parsed.problems : [...parsed.problems, ...nulProblems(parsed.value, "body")];
  if (parsed.value === undefined || problems.length > 0) throw new StoreError("invalid", describe(problems), problems);
  return parsed.value;
}

function sameId(kind: string, id: string, bodyId: string): void {
  if (id !== bodyId) {
    throw new StoreError("invalid", `the body's id "${bodyId}" is not the ${kind} "${id}" it replaces (ids do not change)`, [
      { file: "body", item: "id", rule: "schema", message: `id: expected "${id}"` },
    ]);
  }
}

export const describe = (problems: DataProblem[]) =>
  problems.length === 0 ? "invalid input" : problems.slice(0, 5).map((p) => `${p.item ? `${p.item}: ` : ""}${p.message}`).join("; ") + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : "");

const listed = (ids: string[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more` : ids.join(", "));
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
