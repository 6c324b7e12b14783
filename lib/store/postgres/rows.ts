import type { Feature } from "geojson";
import type { Article, LoadedEvent } from "@/lib/model/event";
import type { Place } from "@/lib/model/place";
import type { BriefEvent, LayerManifest } from "@/lib/model/schema";
import type { ArticleInput, LayerInput } from "../store";

/** An event's places as stored beside it: resolved names and points. */
export type StoredPlaces = { place: Place; aboutPlaces: Place[] };

export type EventRow = { body: BriefEvent; places: StoredPlaces; version: number };

export function eventOf(row: { body: BriefEvent; places: StoredPlaces }): LoadedEvent {
  return { ...row.body, place: row.places.place, aboutPlaces: row.places.aboutPlaces };
}

/** The event as written (data/ form), without what the store resolved: what the audit log keeps. */
export function writtenEvent(e: LoadedEvent | BriefEvent): BriefEvent {
  const { place: _place, aboutPlaces: _about, ...written } = e as LoadedEvent;
  return written;
}

export type ArticleRow = { meta: Omit<ArticleInput, "text">; text: string };

/** Stored articles have no files; the names are those `db:export` writes, as in data/articles. */
export function articleOf(row: ArticleRow): Article {
  return { ...row.meta, textFile: `${row.meta.id}.txt`, eventsFile: `${row.meta.id}.events.json`, text: row.text };
}

export type LayerRow = { manifest: Omit<LayerInput, "data"> };

/** Stored layers have no file; the name is the one `db:export` writes, as in data/geo. */
export function manifestOf(row: LayerRow): LayerManifest {
  return { ...row.manifest, file: `${row.manifest.id}.geojson` } as LayerManifest;
}

export const featureOf = (row: { feature: Feature }): Feature => row.feature;
