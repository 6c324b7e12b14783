import type { LoadedEvent } from "@/lib/model/event";
import type { EventDigest } from "@/lib/events/digest";

/** Above this many events a page or answer carries none in full and the map fetches markers: pages stay light. */
export const MAX_INLINE_EVENTS = 2000;

/** The events of one filter as the dashboard holds them (see lib/view/view-events.ts). */
export type ViewEvents = { complete: true; events: LoadedEvent[] } | { complete: false; digest: EventDigest };

/**
 * The first view's events: the `/api/events` query they answer, the query of the reader's article's
 * events among them (what a digest's `marked` answers), and the selected event.
 */
export type FirstEvents = ViewEvents & { query: string; markedQuery: string; selected: LoadedEvent | null };
