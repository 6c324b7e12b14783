import type { Feature } from "geojson";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import type { EventType } from "@/lib/model/event-types";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import type { EventTime } from "@/lib/model/schema";
import { fold } from "../search-text";
import type { ArticleSpan, ArticleSummary, AuditEntry, AuditFilter, EventAggregate, StoredLayer, Versioned } from "../store";
import { run, type Queryable } from "./connection";
import { eventFilterSql, LIST_ORDER } from "./event-filter-sql";
import { hasNul } from "./nul";
import { articleOf, eventOf, manifestOf, type ArticleRow, type EventRow, type LayerRow } from "./rows";

const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;
const EACH_PAGE = 2_000;
const DEFAULT_AUDIT = 100;
const MAX_AUDIT = 1_000;

/** Every read, on whichever pool it is given (the replica when there is one). */
export class Reads {
  constructor(private readonly db: Queryable) {}

  async layers(): Promise<{ layers: LayerSummary[]; unavailable: UnavailableLayer[] }> {
    const [layers, unavailable] = await Promise.all([
      run<{ summary: LayerSummary }>(this.db, "SELECT summary FROM layers ORDER BY draw_order, id"),
      run<UnavailableLayer>(this.db, "SELECT id, title, file, problems FROM unavailable_layers ORDER BY id"),
    ]);
    return { layers: layers.rows.map((r) => r.summary), unavailable: unavailable.rows };
  }

  async layer(id: string): Promise<StoredLayer | undefined> {
    if (hasNul(id)) return undefined;
    const { rows } = await run<LayerRow & { summary: LayerSummary }>(this.db, "SELECT manifest, summary FROM layers WHERE id = $1", [id]);
    const row = rows[0];
    if (!row) return undefined;
    const features = await run<{ feature: Feature }>(this.db, "SELECT feature FROM features WHERE layer = $1 ORDER BY position", [id]);
    return { manifest: manifestOf(row), summary: row.summary, data: { type: "FeatureCollection", features: features.rows.map((r) => r.feature) } };
  }

  async feature(layer: string, feature: string): Promise<Feature | undefined> {
    if (hasNul(layer) || hasNul(feature)) return undefined;
    const { rows } = await run<{ feature: Feature }>(this.db, "SELECT feature FROM features WHERE layer = $1 AND id = $2", [layer, feature]);
    return rows[0]?.feature;
  }

  async articles(filter: { q?: string } = {}): Promise<ArticleSummary[]> {
    const needle = filter.q ? fold(filter.q) : "";
    if (hasNul(needle)) return [];
    const { rows } = await run<{ meta: ArticleSummary; count: string }>(
      this.db,
      `SELECT a.meta, (SELECT count(*) FROM events e WHERE e.article = a.id AND e.review_status = 'reviewed') AS count
         FROM articles a WHERE $1 = '' OR strpos(a.search, $1) > 0
        ORDER BY a.published DESC, a.id`,
      [needle],
    );
    return rows.map((r) => ({ ...r.meta, eventCount: Number(r.count) }));
  }

  async article(id: string): Promise<Versioned<Article> | undefined> {
    if (hasNul(id)) return undefined;
    const { rows } = await run<ArticleRow & { version: number }>(this.db, "SELECT meta, text, version FROM articles WHERE id = $1", [id]);
    const row = rows[0];
    return row && { value: articleOf(row), version: row.version };
  }

  async articleSpans(id: string): Promise<ArticleSpan[]> {
    if (hasNul(id)) return [];
    const { rows } = await run<ArticleSpan>(
      this.db,
      `SELECT e.id AS event, (s->>'start')::integer AS start, (s->>'end')::integer AS "end", s->>'quote' AS quote
         FROM events e CROSS JOIN LATERAL json_array_elements(e.body->'sources') AS s
        WHERE e.article = $1 AND e.review_status = 'reviewed'
        ORDER BY 2, 3, 1`,
      [id],
    );
    return rows;
  }

  async event(id: string): Promise<Versioned<LoadedEvent> | undefined> {
    if (hasNul(id)) return undefined;
    const { rows } = await run<EventRow>(this.db, "SELECT body, places, version FROM events WHERE id = $1", [id]);
    const row = rows[0];
    return row && { value: eventOf(row), version: row.version };
  }

  async events(query: EventQuery, page: { limit?: number; after?: EventCursor } = {}): Promise<LoadedEvent[]> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit ?? DEFAULT_PAGE)));
    const { where, params } = eventFilterSql(query, page.after);
    params.push(limit);
    const { rows } = await run<EventRow>(this.db, `SELECT e.body, e.places FROM events e WHERE ${where} ORDER BY ${LIST_ORDER} LIMIT $${params.length}`, params);
    return rows.map(eventOf);
  }

  async *eachEvent(query: EventQuery): AsyncIterable<LoadedEvent> {
    let after: EventCursor | undefined;
    for (;;) {
      const page = await this.events(query, { limit: EACH_PAGE, after });
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < EACH_PAGE) return;
      after = { start: last.time.start, end: last.time.end, id: last.id };
    }
  }

  async aggregate(query: EventQuery): Promise<EventAggregate> {
    const { where, params } = eventFilterSql(query);
    const [types, times] = await Promise.all([
      run<{ type: EventType; count: string }>(this.db, `SELECT e.type, count(*) AS count FROM events e WHERE ${where} GROUP BY e.type`, params),
      // A span's time is that of its first event in list order (as the in-memory digest keeps it).
      run<{ time: EventTime; count: string }>(
        this.db,
        `SELECT (array_agg(e.body->'time' ORDER BY e.id))[1] AS time, count(*) AS count
           FROM events e WHERE ${where}
          GROUP BY e.time_start, e.time_end, e.body->'time'->>'precision', e.body->'time'->>'bound'
          ORDER BY e.time_start, e.time_end, min(e.id)`,
        params,
      ),
    ]);
    const byType: Partial<Record<EventType, number>> = {};
    let count = 0;
    for (const r of types.rows) {
      byType[r.type] = Number(r.count);
      count += Number(r.count);
    }
    return { count, byType, times: times.rows.map((r) => ({ time: r.time, count: Number(r.count) })) };
  }

  async matchingIds(query: EventQuery, ids: readonly string[]): Promise<string[]> {
    const wanted = ids.filter((id) => !hasNul(id));
    if (wanted.length === 0) return [];
    const params: unknown[] = [wanted];
    const { where } = eventFilterSql(query, undefined, params);
    const { rows } = await run<{ id: string }>(this.db, `SELECT e.id FROM events e WHERE e.id = ANY($1::text[]) AND ${where} ORDER BY ${LIST_ORDER}`, params);
    return rows.map((r) => r.id);
  }

  async audit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    if ([filter.entity, filter.entityId, filter.actor].some(hasNul)) return [];
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace("?", `$${params.length}`));
    };
    if (filter.entity !== undefined) add("entity = ?", filter.entity);
    if (filter.entityId !== undefined) add("entity_id = ?", filter.entityId);
    if (filter.actor !== undefined) add("actor = ?", filter.actor);
    if (filter.beforeId !== undefined) add("id < ?", filter.beforeId);
    params.push(Math.max(1, Math.min(MAX_AUDIT, Math.floor(filter.limit ?? DEFAULT_AUDIT))));
    const { rows } = await run<{ id: string; at: Date; actor: string; action: AuditEntry["action"]; entity: AuditEntry["entity"]; entity_id: string; before: unknown; after: unknown }>(
      this.db,
      `SELECT id, at, actor, action, entity, entity_id, before, after FROM audit
        ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after }));
  }
}
