import "server-only";
import type { BriefEvent } from "@/lib/model/schema";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { ArticleInput, LayerInput, Store, StoredLayer, Versioned, WriteContext } from "@/lib/store/store";
import { BODY_LIMITS } from "../read-body";
import { RequestError } from "../request-error";
import { parseArticle, parseEvent, parseLayer } from "./bodies";

/**
 * What differs between events, articles and layers for the write API: how a body is checked, which
 * store calls read and write it, and its stored form (the data/ form a GET answers and a PATCH merges into).
 */
export type Kind<Stored, Input> = {
  /** As the audit log and messages name it. */
  name: "event" | "article" | "layer";
  /** The collection's path, e.g. /api/events. */
  path: string;
  limit: number;
  parse(body: unknown): Input;
  /** The version is absent where the store does not say it (layers are read without one). */
  read(store: Store, id: string): Promise<{ value: Stored; version?: number } | undefined>;
  create(store: Store, input: Input, write: WriteContext): Promise<Versioned<Stored>>;
  replace(store: Store, id: string, input: Input, write: WriteContext): Promise<Versioned<Stored>>;
  remove(store: Store, id: string, write: WriteContext, query: URLSearchParams): Promise<void>;
  /**
   * Whether an editor may delete it: only what no analyst has accepted yet (a drafted event that
   * awaits review; rejecting it is part of reviewing). Everything else is deleted by admins.
   */
  editorMayDelete?(store: Store, id: string): Promise<boolean>;
  /** The data/ form of what is stored. */
  stored(value: Stored): Record<string, unknown> & { id: string };
  /** What a write answers: the stored form, or a summary when that would be large (layers). */
  written(value: Stored): Record<string, unknown>;
};

export const eventKind: Kind<LoadedEvent, BriefEvent> = {
  name: "event",
  path: "/api/events",
  limit: BODY_LIMITS.event,
  parse: parseEvent,
  read: (store, id) => store.event(id),
  create: (store, input, write) => store.createEvent(stampReview(input, write.actor), write),
  replace: (store, id, input, write) => store.replaceEvent(id, stampReview(input, write.actor), write),
  remove: (store, id, write) => store.deleteEvent(id, write),
  editorMayDelete: async (store, id) => (await store.event(id))?.value.review?.status === "unreviewed",
  stored: storedEvent,
  written: storedEvent,
};

export const articleKind: Kind<Article, ArticleInput> = {
  name: "article",
  path: "/api/articles",
  limit: BODY_LIMITS.article,
  parse: parseArticle,
  read: (store, id) => store.article(id),
  create: (store, input, write) => store.createArticle(input, write),
  replace: (store, id, input, write) => store.replaceArticle(id, input, write),
  remove: (store, id, write, query) => store.deleteArticle(id, { ...write, cascade: readCascade(query) }),
  stored: storedArticle,
  written: storedArticle,
};

export const layerKind: Kind<StoredLayer, LayerInput> = {
  name: "layer",
  path: "/api/layers",
  limit: BODY_LIMITS.layer,
  parse: parseLayer,
  read: (store, id) => store.layer(id).then((layer) => layer && { value: layer, version: versionOf(layer) }),
  create: (store, input, write) => store.createLayer(input, write),
  replace: (store, id, input, write) => store.replaceLayer(id, input, write),
  remove: (store, id, write) => store.deleteLayer(id, write),
  stored: ({ manifest, data }) => ({ ...withoutFile(manifest), data }),
  // A layer can be megabytes: the answer to its write is its summary; GET /api/layers/{id} has the features.
  written: ({ manifest, summary }) => ({ ...withoutFile(manifest), featureCount: summary.featureCount, bbox: summary.bbox, geometryType: summary.geometryType }),
};

/**
 * Who reviewed an event is the write's actor, and when is now: a client says only that the event
 * is reviewed, never on whose behalf (a PUT of an already reviewed event keeps its first review).
 */
function stampReview(event: BriefEvent, actor: string): BriefEvent {
  const review = event.review;
  if (!review || review.status !== "reviewed" || (review.reviewedBy === actor && review.reviewedAt)) return event;
  return { ...event, review: { ...review, reviewedBy: actor, reviewedAt: new Date().toISOString() } };
}

function storedEvent(event: LoadedEvent): BriefEvent & Record<string, unknown> {
  const { place: _place, aboutPlaces: _about, ...stored } = event;
  return stored;
}

function storedArticle(article: Article): Omit<Article, "textFile" | "eventsFile"> & Record<string, unknown> {
  const { textFile: _text, eventsFile: _events, ...stored } = article;
  return stored;
}

function withoutFile<T extends { file?: string }>(manifest: T): Omit<T, "file"> {
  const { file: _file, ...rest } = manifest;
  return rest;
}

function readCascade(query: URLSearchParams): boolean {
  const value = query.get("cascade");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new RequestError(400, 'cascade must be "true" or "false"', { param: "cascade" });
}

/** StoredLayer carries no version in the interface; a backend that adds one lets PATCH guard with it. */
function versionOf(layer: StoredLayer): number | undefined {
  const version = (layer as { version?: unknown }).version;
  return typeof version === "number" ? version : undefined;
}
