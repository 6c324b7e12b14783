import type { Feature, FeatureCollection } from "geojson";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { EventCursor, EventQuery } from "@/lib/model/event-query";
import type { EventType } from "@/lib/model/event-types";
import type { LayerSummary, UnavailableLayer } from "@/lib/model/layer-summary";
import type { DataProblem } from "@/lib/model/problem";
import type { ArticleMeta, BriefEvent, EventTime, LayerManifest } from "@/lib/model/schema";
import type { AccountStore, Authorship } from "./accounts";
import type { TileAddress } from "@/lib/tiles/tile-address";

/**
 * The store: every page, route, preview, print and CLI reads and writes Briefmap's data through
 * this interface, never through files or a copy held in memory. Two backends implement it:
 * SQLite (embedded, the default) and PostgreSQL/PostGIS (BRIEFMAP_DATABASE_URL=postgres://…).
 * Both pass the same contract suite (tests/store/).
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";

  /** Increases with every committed write; caches (layer bytes, tiles) key on it. */
  revision(): Promise<number>;
  /** True when the store holds no layer, article or event (a first start imports data/). */
  isEmpty(): Promise<boolean>;

  // ---- layers
  layers(): Promise<{ layers: LayerSummary[]; unavailable: UnavailableLayer[] }>;
  /** A layer with its features, or undefined for an unknown id. */
  layer(id: string): Promise<StoredLayer | undefined>;
  feature(layer: string, feature: string): Promise<Feature | undefined>;

  // ---- articles
  /** Articles newest first, with how many events each reports; `q` narrows on title and publisher. */
  articles(filter?: { q?: string }): Promise<ArticleSummary[]>;
  article(id: string): Promise<Versioned<Article> | undefined>;
  /** The sentences of an article that report its events, in text order. */
  articleSpans(id: string): Promise<ArticleSpan[]>;

  // ---- events (always in list order: time start, time end, id)
  event(id: string): Promise<Versioned<LoadedEvent> | undefined>;
  /** One page of matching events after `after` (keyset), at most `limit` (default 500, at most 10,000). */
  events(query: EventQuery, page?: { limit?: number; after?: EventCursor }): Promise<LoadedEvent[]>;
  /** Every matching event, streamed in pages, so that an export of a million never holds them all. */
  eachEvent(query: EventQuery): AsyncIterable<LoadedEvent>;
  /** How many events match, per type and per time span (what the filter bar and timeline draw at any size). */
  aggregate(query: EventQuery): Promise<EventAggregate>;
  /** Ids of matching events among `ids` (e.g. which of an article's events a filter keeps). */
  matchingIds(query: EventQuery, ids: readonly string[]): Promise<string[]>;
  /**
   * The matching events inside one Web Mercator tile as Mapbox Vector Tile bytes, grouped as
   * lib/tiles/tile-schema.ts describes (empty when none match). The tile's bounds replace `bbox`.
   */
  eventTile(query: EventQuery, tile: TileAddress): Promise<Uint8Array>;

  // ---- writes: each one transaction, validated by the rules data/ files obey, audited
  createEvent(event: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>>;
  replaceEvent(id: string, event: BriefEvent, write: WriteContext): Promise<Versioned<LoadedEvent>>;
  deleteEvent(id: string, write: WriteContext): Promise<void>;
  createArticle(article: ArticleInput, write: WriteContext): Promise<Versioned<Article>>;
  replaceArticle(id: string, article: ArticleInput, write: WriteContext): Promise<Versioned<Article>>;
  /** Refused (conflict) while events still cite the article, unless `cascade` deletes them too. */
  deleteArticle(id: string, write: WriteContext & { cascade?: boolean }): Promise<void>;
  createLayer(layer: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>>;
  replaceLayer(id: string, layer: LayerInput, write: WriteContext): Promise<Versioned<StoredLayer>>;
  /** Refused (conflict) while events name its features. */
  deleteLayer(id: string, write: WriteContext): Promise<void>;

  /**
   * Imports a whole data set (layers, articles, events) in one transaction: all of it or nothing.
   * `replace` empties the store first; `merge` adds and replaces by id.
   */
  importData(data: DataSet, write: { actor: string; mode: "replace" | "merge" }): Promise<ImportSummary>;

  /**
   * Imports events from a data set (ACLED, GDELT…) batch by batch, all in one transaction, so that
   * a million rows never sit in memory at once and a failure leaves the store as it was. Each batch
   * brings the articles that hold its events' quotes (new ids only), events that are created or
   * replaced by id, and ids to delete. Checked by the same rules as every write; one audit entry.
   * While it runs, other writes wait for it (PostgreSQL: behind the revision row, up to the statement
   * timeout) or are refused as "unavailable" (SQLite, whose one connection holds the transaction).
   */
  importEvents(batches: AsyncIterable<EventBatch>, write: EventImportContext): Promise<EventImportSummary>;

  audit(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Who added the thing and who last edited it, from the audit log (a cheap indexed lookup). */
  authorship(entity: "event" | "article" | "layer", id: string): Promise<Authorship>;

  /** Users, sessions and API tokens (lib/auth decides the policy). */
  readonly accounts: AccountStore;

  close(): Promise<void>;
}

/** A stored thing with its version; the ETag of an HTTP answer is derived from it. */
export type Versioned<T> = { value: T; version: number };

export type StoredLayer = { manifest: LayerManifest; summary: LayerSummary; data: FeatureCollection };

export type ArticleSummary = Omit<ArticleMeta, "textFile" | "eventsFile"> & { eventCount: number };

export type ArticleSpan = { event: string; start: number; end: number; quote: string };

export type EventAggregate = {
  count: number;
  byType: Partial<Record<EventType, number>>;
  /** Distinct time spans (start, end, precision, bound) and how many events share each. */
  times: { time: EventTime; count: number }[];
};

/** An article as written through the API: its fields and its text (files are the data/ form only). */
export type ArticleInput = Omit<ArticleMeta, "textFile" | "eventsFile"> & { text: string };

/** A layer as written through the API: the manifest without its file name, and the features. */
export type LayerInput = Omit<LayerManifest, "file"> & { data: FeatureCollection };

/** A whole data folder in memory form, as `lib/data` reads it (before validation of references). */
export type DataSet = {
  layers: LayerInput[];
  articles: ArticleInput[];
  events: BriefEvent[];
  /** Layers whose files failed validation, kept so that the layers panel still says what is missing. */
  unavailable?: UnavailableLayer[];
};

export type ImportSummary = { layers: number; articles: number; events: number };

/** One batch of an event import: new articles first, then events (created or replaced by id), then deletions. */
export type EventBatch = { articles: ArticleInput[]; events: BriefEvent[]; deletions?: string[] };

export type EventImportContext = {
  actor: string;
  /** What is imported (a file name), for the audit entry. */
  source: string;
  /** Check and write everything, then roll back: the summary says what an import would do. */
  dryRun?: boolean;
  /**
   * Articles whose id starts with this (earlier imports' quote articles, e.g. "acled-import-") are
   * removed at the end when no event quotes them any more: a re-import moves its events to its own
   * articles, and the articles panel should not fill with empty ones.
   */
  pruneEmptyArticles?: string;
  /** Called after each batch is written (not yet committed) with what happened to each id. */
  onBatch?: (result: EventBatchResult) => void;
};

export type EventBatchResult = { created: string[]; updated: string[]; deleted: string[]; notFound: string[] };

export type EventImportSummary = { articles: number; articlesPruned: number; created: number; updated: number; deleted: number; notFound: number; dryRun: boolean };

/** Who writes, and the version they last read (If-Match); absent = unconditional. */
export type WriteContext = { actor: string; ifMatch?: number };

export type AuditAction = "create" | "replace" | "delete" | "import";
export type AuditEntity = "event" | "article" | "layer" | "data" | "user";

export type AuditEntry = {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  actor: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  before: unknown;
  after: unknown;
};

export type AuditFilter = { entity?: AuditEntity; entityId?: string; actor?: string; limit?: number; beforeId?: number };

/** Why a store call failed, in words a client can act on; routes map `code` to an HTTP status. */
export class StoreError extends Error {
  constructor(
    readonly code: "not-found" | "duplicate" | "conflict" | "stale" | "invalid" | "unavailable" | "timeout",
    message: string,
    /** For `invalid`: every rule the input breaks, with the field (`item`) it concerns. */
    readonly problems: DataProblem[] = [],
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export type { EventQuery, EventCursor, EventHeadline, TileAddress };
export type * from "./accounts";
