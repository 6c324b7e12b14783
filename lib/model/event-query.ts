import type { EventType } from "./event-types";
import type { BBox } from "./layer-summary";

/**
 * The one event filter: the view URL, `/api/events` (and its digest, tiles and exports) and the
 * store all speak it. Each field narrows; absent means "any".
 */
export type EventQuery = {
  /** W,S,E,N in degrees; a box whose west edge is east of its east edge crosses the antimeridian. */
  bbox?: BBox;
  /** YYYY-MM-DD; an event known only to a span matches when the span overlaps the window. */
  from?: string;
  to?: string;
  types?: readonly EventType[];
  /** Text over titles, summaries, actors, place names (and their alternate names) and quotes; case and accents ignored. */
  q?: string;
  /** Events that happened in, are about, or lie inside a feature of this layer (id). */
  layer?: string;
  /** Events reported by this article (id). */
  article?: string;
  /** One event by its id. */
  id?: string;
  /**
   * Which events by review: `reviewed` (the default: curated events and drafts an analyst
   * accepted), `unreviewed` (drafts waiting in the review queue) or `all`.
   */
  review?: "reviewed" | "unreviewed" | "all";
};

/** Keyset position in list (time) order: events after this one. */
export type EventCursor = { start: string; end: string; id: string };
