import type { Feature, FeatureCollection } from "geojson";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import type { EventType } from "@/lib/model/event-types";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import type { Place } from "@/lib/model/place";
import type { DataProblem } from "@/lib/model/problem";
import type { TileAddress } from "@/lib/tiles/tile-address";
import type { BriefEvent, LayerManifest } from "@/lib/model/schema";
import { fold } from "../search-text";
import {
  StoreError,
  type ArticleInput,
  type ArticleSpan,
  type ArticleSummary,
  type AuditAction,
  type AuditEntity,
  type AuditEntry,
  type AuditFilter,
  type DataSet,
  type EventAggregate,
  type EventBatch,
  type EventImportContext,
  type EventImportSummary,
  type ImportSummary,
  type LayerInput,
  type Store,
  type StoredLayer,
  type Versioned,
  type WriteContext,
} from "../store";
import { checkEventReferences, parseArticle, parseEvent, parseLayer, type EventContext } from "../validate";
import type { AccountStore, Authorship } from "../accounts";
import { SqliteAccounts, sqliteAuthorship } from "./accounts";
import { AreaTesters } from "./area-testers";
import { openDatabase, type Db } from "./database";
import { eventConditions } from "./event-conditions";
import { sqliteEventTile } from "./event-tile";
import { importInto } from "./import-data";
import { importEventsInto } from "./import-events";
import { bodyOf, Records } from "./records";
import { prepareStatements, type Statements } from "./statements";

const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;
const STREAM_PAGE = 1_000;

/** Opens the SQLite store at `path` (created, with its folder, when missing). */
export function openSqliteStore(path: string): Store {
  return new SqliteStore(openDatabase(path));
}

type EventRow = { rowid: number; body: string; places: string; version: number };

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly s: Statements;
  private readonly records: Records;
  readonly accounts: AccountStore;
  private importing = false;

  constructor(private readonly db: Db) {
    this.s = prepareStatements(db);
    this.records = new Records(this.s, new AreaTesters());
    this.accounts = new SqliteAccounts(db);
  }

  async revision(): Promise<number> {
    return this.s.revision.get() as number;
  }

  async isEmpty(): Promise<boolean> {
    return !this.db.prepare("SELECT EXISTS (SELECT 1 FROM layers) OR EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM events)").pluck().get();
  }

  // ---- layers

  async layers(): Promise<{ layers: LayerSummary[]; unavailable: UnavailableLayer[] }> {
    const layers = (this.db.prepare("SELECT summary FROM layers ORDER BY draw_order, id").pluck().all() as string[]).map((s) => JSON.parse(s) as LayerSummary);
    const unavailable = (this.db.prepare("SELECT id, title, file, problems FROM unavailable_layers ORDER BY id").all() as (UnavailableLayer & { problems: string })[]).map(
      (u) => ({ ...u, problems: JSON.parse(u.problems) as string[] }),
    );
    return { layers, unavailable };
  }

  async layer(id: string): Promise<StoredLayer | undefined> {
    return this.readLayer(id)?.value;
  }

  async feature(layer: string, feature: string): Promise<Feature | undefined> {
    const json = this.s.feature.get(layer, feature) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Feature);
  }

  private readLayer(id: string): Versioned<StoredLayer> | undefined {
    const row = this.s.layerRow.get(id) as { manifest: string; summary: string; version: number } | undefined;
    if (!row) return undefined;
    const features = (this.db.prepare("SELECT feature FROM features WHERE layer = ? ORDER BY position").pluck().all(id) as string[]).map((f) => JSON.parse(f) as Feature);
    const manifest = { ...(JSON.parse(row.manifest) as Omit<LayerManifest, "file">), file: `${id}.geojson` } as LayerManifest;
    const data: FeatureCollection = { type: "FeatureCollection", features };
    return { value: { manifest, summary: JSON.parse(row.summary) as LayerSummary, data }, version: row.version };
  }

  // ---- articles

  async articles(filter?: { q?: string }): Promise<ArticleSummary[]> {
    const needle = filter?.q ? fold(filter.q) : undefined;
    const rows = this.db
      .prepare(
        `SELECT a.meta, (SELECT count(*) FROM events e WHERE e.article = a.id AND e.review_status = 'reviewed') AS event_count FROM articles a
         ${needle ? "WHERE instr(a.search, ?) > 0" : ""} ORDER BY a.published DESC, a.id`,
      )
      .all(...(needle ? [needle] : [])) as { meta: string; event_count: number }[];
    return rows.map((r) => ({ ...(JSON.parse(r.meta) as Omit<ArticleSummary, "eventCount">), eventCount: r.event_count }));
  }

  async article(id: string): Promise<Versioned<Article> | undefined> {
    return this.readArticle(id);
  }

  private readArticle(id: string): Versioned<Article> | undefined {
    const row = this.s.articleRow.get(id) as { meta: string; text: string; version: number } | undefined;
    if (!row) return undefined;
    const meta = JSON.parse(row.meta) as Omit<ArticleInput, "text">;
    return { value: { ...meta, textFile: `${id}.txt`, eventsFile: `${id}.events.json`, text: row.text }, version: row.version };
  }

  async articleSpans(id: string): Promise<ArticleSpan[]> {
    const rows = this.db.prepare("SELECT id, body FROM events WHERE article = ? AND review_status = 'reviewed'").all(id) as { id: string; body: string }[];
    const spans = rows.flatMap((r) => (JSON.parse(r.body) as BriefEvent).sources.map((s) => ({ event: r.id, start: s.start, end: s.end, quote: s.quote })));
    return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.event.localeCompare(b.event));
  }

  // ---- events

  async event(id: string): Promise<Versioned<LoadedEvent> | undefined> {
    const row = this.s.eventRow.get(id) as EventRow | undefined;
    return row ? { value: toEvent(row), version: row.version } : undefined;
  }

  async events(query: EventQuery, page?: { limit?: number; after?: EventCursor }): Promise<LoadedEvent[]> {
    return this.page(query, page?.limit, page?.after);
  }

  private page(query: EventQuery, limit: number | undefined, after: EventCursor | undefined): LoadedEvent[] {
    const size = Math.max(1, Math.min(MAX_PAGE, Math.floor(limit ?? DEFAULT_PAGE)));
    const { where, params } = eventConditions(query, after);
    const rows = this.db.prepare(`SELECT e.rowid, e.body, e.places, e.version FROM events e ${where} ORDER BY e.start, e.end, e.id LIMIT ?`).all(...params, size) as EventRow[];
    return rows.map(toEvent);
  }

  async *eachEvent(query: EventQuery): AsyncIterable<LoadedEvent> {
    let after: EventCursor | undefined;
    for (;;) {
      const page = this.page(query, STREAM_PAGE, after);
      yield* page;
      const last = page[page.length - 1];
      if (!last || page.length < STREAM_PAGE) return;
      after = { start: last.time.start, end: last.time.end, id: last.id };
    }
  }

  async aggregate(query: EventQuery): Promise<EventAggregate> {
    const { where, params } = eventConditions(query);
    const byTypeRows = this.db.prepare(`SELECT e.type, count(*) AS n FROM events e ${where} GROUP BY e.type`).all(...params) as { type: EventType; n: number }[];
    const timeRows = this.db
      .prepare(`SELECT e.start, e.end, e.precision, e.bound, count(*) AS n FROM events e ${where} GROUP BY e.start, e.end, e.precision, e.bound ORDER BY e.start, e.end`)
      .all(...params) as { start: string; end: string; precision: EventAggregate["times"][number]["time"]["precision"]; bound: EventAggregate["times"][number]["time"]["bound"]; n: number }[];
    const byType: EventAggregate["byType"] = {};
    let count = 0;
    for (const r of byTypeRows) {
      byType[r.type] = r.n;
      count += r.n;
    }
    // The phrase differs per event; a span shared by many has none of its own.
    const times = timeRows.map((r) => ({ time: { phrase: "", start: r.start, end: r.end, precision: r.precision, bound: r.bound }, count: r.n }));
    return { count, byType, times };
  }

  async eventTile(query: EventQuery, tile: TileAddress): Promise<Uint8Array> {
    return sqliteEventTile(this.db, query, tile);
  }

  async matchingIds(query: EventQuery, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { where, params } = eventConditions(query);
    const sql = `SELECT e.id FROM events e ${where ? `${where} AND` : "WHERE"} e.id IN (SELECT value FROM json_each(?)) ORDER BY e.start, e.end, e.id`;
    return this.db.prepare(sql).pluck().all(...params, JSON.stringify(ids)) as string[];
  }

  // ---- writes

  async createEvent(input: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>> {
    return this.write(() => {
      const loaded = this.checkEvent(input);
      if (this.s.eventRow.get(loaded.id)) throw new StoreError("duplicate", `event "${loaded.id}" already exists`);
      const rowid = this.records.putEvent(loaded, 1);
      this.log(write.actor, "create", "event", loaded.id, null, bodyOf(loaded));
      return this.eventAt(rowid);
    });
  }

  async replaceEvent(id: string, input: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>> {
    return this.write(() => {
      const row = this.currentEvent(id, write);
      const loaded = this.checkEvent(input);
      if (loaded.id !== id) throw invalid(`the body's id "${loaded.id}" is not the event's id "${id}"`, "id");
      const before = toEvent(row);
      this.records.putEvent(loaded, row.version + 1, row.rowid);
      this.log(write.actor, "replace", "event", id, bodyOf(before), bodyOf(loaded));
      return this.eventAt(row.rowid);
    });
  }

  async deleteEvent(id: string, write: WriteContext): Promise<void> {
    this.write(() => {
      const row = this.currentEvent(id, write);
      this.records.deleteEvent(row.rowid);
      this.log(write.actor, "delete", "event", id, bodyOf(toEvent(row)), null);
    });
  }

  async createArticle(input: ArticleInput, write: WriteContext): Promise<Versioned<Article>> {
    return this.write(() => {
      const article = checked(parseArticle(input));
      if (this.s.articleVersion.get(article.id) !== undefined) throw new StoreError("duplicate", `article "${article.id}" already exists`);
      this.records.putArticle(article, 1, false);
      this.log(write.actor, "create", "article", article.id, null, article);
      return this.readArticle(article.id)!;
    });
  }

  async replaceArticle(id: string, input: ArticleInput, write: WriteContext): Promise<Versioned<Article>> {
    return this.write(() => {
      const before = this.currentArticle(id, write);
      const article = checked(parseArticle(input));
      if (article.id !== id) throw invalid(`the body's id "${article.id}" is not the article's id "${id}"`, "id");
      // The events of the article must still quote it at their offsets.
      const problems: DataProblem[] = [];
      for (const rowid of this.s.eventsOfArticle.all(id) as number[]) {
        const event = this.eventAt(rowid).value;
        problems.push(...checkEventReferences(bodyOf(event), this.eventContext(event.article, { [id]: article.text }), "body", `events (${event.id})`).problems);
      }
      if (problems.length > 0) throw new StoreError("invalid", `the new text breaks ${problems.length} quote(s) of the article's events`, problems);
      this.records.putArticle(article, before.version + 1, true);
      this.log(write.actor, "replace", "article", id, articleInputOf(before.value), article);
      return this.readArticle(id)!;
    });
  }

  async deleteArticle(id: string, write: WriteContext & { cascade?: boolean }): Promise<void> {
    this.write(() => {
      const before = this.currentArticle(id, write);
      const events = this.s.eventsOfArticle.all(id) as number[];
      if (events.length > 0 && !write.cascade) {
        throw new StoreError("conflict", `article "${id}" still has ${events.length} event(s); delete them first or delete with cascade`);
      }
      for (const rowid of events) {
        const event = this.eventAt(rowid);
        this.records.deleteEvent(rowid);
        this.log(write.actor, "delete", "event", event.value.id, bodyOf(event.value), null);
      }
      this.s.deleteArticle.run(id);
      this.log(write.actor, "delete", "article", id, articleInputOf(before.value), null);
    });
  }

  async createLayer(input: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>> {
    return this.write(() => {
      const layer = checked(parseLayer(input));
      if (this.s.layerVersion.get(layer.id) !== undefined) throw new StoreError("duplicate", `layer "${layer.id}" already exists`);
      this.records.putLayer(layer, 1);
      this.db.prepare("DELETE FROM unavailable_layers WHERE id = ?").run(layer.id);
      this.records.refreshLayerMembers(layer.id);
      this.log(write.actor, "create", "layer", layer.id, null, layerInputOf(layer));
      return this.readLayer(layer.id)!;
    });
  }

  async replaceLayer(id: string, input: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>> {
    return this.write(() => {
      const before = this.currentLayer(id, write);
      const layer = checked(parseLayer(input));
      if (layer.id !== id) throw invalid(`the body's id "${layer.id}" is not the layer's id "${id}"`, "id");
      this.assertFeaturesKept(id, new Set(layer.data.features.map((f) => String(f.id))));
      this.records.putLayer(layer, before.version + 1);
      this.reresolveEventsNaming(id);
      this.records.refreshLayerMembers(id);
      this.log(write.actor, "replace", "layer", id, layerInputOf(before.value), layerInputOf(layer));
      return this.readLayer(id)!;
    });
  }

  async deleteLayer(id: string, write: WriteContext): Promise<void> {
    this.write(() => {
      const before = this.currentLayer(id, write);
      const naming = this.s.eventsNaming.all(id) as number[];
      if (naming.length > 0) throw new StoreError("conflict", `layer "${id}" is named by ${naming.length} event(s); change or delete them first`);
      this.records.removeLayerRows(id);
      this.log(write.actor, "delete", "layer", id, layerInputOf(before.value), null);
    });
  }

  async importData(data: DataSet, write: { actor: string; mode: "replace" | "merge" }): Promise<ImportSummary> {
    return this.write(() => importInto(this, data, write));
  }

  async importEvents(batches: AsyncIterable<EventBatch>, write: EventImportContext): Promise<EventImportSummary> {
    this.refuseWhileImporting();
    this.importing = true;
    try {
      return await importEventsInto(this, batches, write);
    } catch (error) {
      throw asStoreError(error);
    } finally {
      this.importing = false;
    }
  }

  async audit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (filter.entity) add("entity = ?", filter.entity);
    if (filter.entityId) add("entity_id = ?", filter.entityId);
    if (filter.actor) add("actor = ?", filter.actor);
    if (filter.beforeId !== undefined) add("id < ?", filter.beforeId);
    const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 100)));
    const rows = this.db
      .prepare(`SELECT id, at, actor, action, entity, entity_id, before, after FROM audit ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`)
      .all(...params, limit) as { id: number; at: string; actor: string; action: AuditAction; entity: AuditEntity; entity_id: string; before: string | null; after: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }

  async authorship(entity: "event" | "article" | "layer", id: string): Promise<Authorship> {
    return sqliteAuthorship(this.db, entity, id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ---- helpers shared with the import

  /** Runs a write in one IMMEDIATE transaction (the write lock taken at once) and bumps the revision. */
  private write<T>(fn: () => T): T {
    this.refuseWhileImporting();
    try {
      return this.db
        .transaction(() => {
          const result = fn();
          this.s.bumpRevision.run();
          return result;
        })
        .immediate();
    } catch (error) {
      throw asStoreError(error);
    }
  }

  /**
   * An event import holds the connection's transaction open across batches; another write on the
   * same connection would join it (and vanish with a rollback), so it is refused until the import ends.
   */
  private refuseWhileImporting(): void {
    if (this.importing) throw new StoreError("unavailable", "an import is being written to the store; try again when it has finished");
  }

  /** Appends one audit row: who, when, what, and the entity before and after (null when absent). */
  log(actor: string, action: AuditAction, entity: AuditEntity, id: string, before: unknown, after: unknown): void {
    this.s.audit.run(new Date().toISOString(), actor, action, entity, id, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after));
  }

  /** Where an event's references are looked up; `texts` overrides article texts not yet written. */
  eventContext(article: string, texts: Record<string, string> = {}, features?: EventContext["feature"]): EventContext {
    return {
      feature: features ?? ((layer, feature) => {
        const json = this.s.feature.get(layer, feature) as string | undefined;
        return json === undefined ? undefined : (JSON.parse(json) as Feature);
      }),
      labelProperty: (layer) => (this.s.labelProperty.get(layer) as string | undefined) ?? "name",
      articleText: texts[article] ?? (this.s.articleText.get(article) as string | undefined),
    };
  }

  private checkEvent(input: unknown): LoadedEvent {
    const event = checked(parseEvent(input));
    return checked(checkEventReferences(event, this.eventContext(event.article)));
  }

  eventAt(rowid: number): Versioned<LoadedEvent> {
    const row = this.s.eventRowByRowid.get(rowid) as EventRow;
    return { value: toEvent(row), version: row.version };
  }

  private currentEvent(id: string, write: WriteContext): EventRow {
    const row = this.s.eventRow.get(id) as EventRow | undefined;
    if (!row) throw new StoreError("not-found", `no event "${id}"`);
    assertFresh("event", id, row.version, write);
    return row;
  }

  private currentArticle(id: string, write: WriteContext): Versioned<Article> {
    const article = this.readArticle(id);
    if (!article) throw new StoreError("not-found", `no article "${id}"`);
    assertFresh("article", id, article.version, write);
    return article;
  }

  private currentLayer(id: string, write: WriteContext): Versioned<StoredLayer> {
    const layer = this.readLayer(id);
    if (!layer) throw new StoreError("not-found", `no layer "${id}"`);
    assertFresh("layer", id, layer.version, write);
    return layer;
  }

  /** Refuses a new version of a layer that drops features events still name. */
  assertFeaturesKept(layer: string, kept: Set<string>): void {
    const named = this.db.prepare("SELECT DISTINCT p.feature, e.id FROM event_places p JOIN events e ON e.rowid = p.event WHERE p.layer = ?").all(layer) as { feature: string; id: string }[];
    const lost = named.filter((n) => !kept.has(n.feature));
    if (lost.length > 0) {
      const problems: DataProblem[] = lost.map((n) => ({ file: "body", item: `data.features (${n.feature})`, rule: "unknown-reference", message: `event "${n.id}" names feature "${n.feature}", which this version drops` }));
      throw new StoreError("conflict", `layer "${layer}" would drop ${new Set(lost.map((n) => n.feature)).size} feature(s) that events name`, problems);
    }
  }

  /** Events naming a rewritten layer's features get their places (names, points) and derived rows anew. */
  reresolveEventsNaming(layer: string): void {
    for (const rowid of this.s.eventsNaming.all(layer) as number[]) {
      const current = this.eventAt(rowid);
      const loaded = checked(checkEventReferences(bodyOf(current.value), this.eventContext(current.value.article)));
      this.records.putEvent(loaded, current.version, rowid);
    }
  }

  /** For the import: the connection's parts, used inside the import's transaction. */
  get parts() {
    return { db: this.db, s: this.s, records: this.records };
  }
}

function toEvent(row: EventRow): LoadedEvent {
  const places = JSON.parse(row.places) as { place: Place; aboutPlaces: Place[] };
  return { ...(JSON.parse(row.body) as BriefEvent), place: places.place, aboutPlaces: places.aboutPlaces };
}

function assertFresh(entity: string, id: string, version: number, write: WriteContext): void {
  if (write.ifMatch !== undefined && write.ifMatch !== version) {
    throw new StoreError("stale", `${entity} "${id}" is at version ${version}, not ${write.ifMatch}: reload it and apply the change again`);
  }
}

/** The value a validation produced, or an "invalid" error carrying every problem. */
export function checked<T>(result: { value?: T; problems: DataProblem[] }): T {
  if (result.value === undefined || result.problems.length > 0) {
    const first = result.problems[0];
    throw new StoreError("invalid", first ? `${first.item ? `${first.item}: ` : ""}${first.message}${result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : ""}` : "invalid input", result.problems);
  }
  return result.value;
}

function invalid(message: string, item: string): StoreError {
  return new StoreError("invalid", message, [{ file: "body", item, rule: "schema", message }]);
}

function articleInputOf(article: Article): ArticleInput {
  const { textFile: _t, eventsFile: _e, ...input } = article;
  return input;
}

function layerInputOf(layer: StoredLayer | (LayerInput & { summary?: LayerSummary })): LayerInput {
  if ("manifest" in layer) {
    const { file: _file, ...manifest } = layer.manifest;
    return { ...manifest, data: layer.data };
  }
  const { summary: _summary, ...input } = layer;
  return input;
}

/** SQLite's own failures in words a client can act on; a full disk or a lock is "unavailable". */
function asStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new StoreError("unavailable", "the store is busy with another write; try again");
  if (code.startsWith("SQLITE_FULL")) return new StoreError("unavailable", "the disk holding the store is full");
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError("unavailable", `the store cannot be written (${code})`);
  }
  return error;
}

