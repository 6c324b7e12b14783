import type { EventType, GeoPrecision } from "@/lib/model/schema";

/**
 * ACLED's coding mapped to Briefmap's vocabulary. The README's "Importing and exporting" section
 * shows these tables; golden tests (mapping.test.ts) hold them fixed. The original values are kept
 * on every event (`origin.original`), so the mapping can always be checked against the source.
 */

/** By sub-event type first (ACLED's finer coding); then by event type. */
export const ACLED_SUB_EVENT_TYPES: Record<string, EventType> = {
  "armed clash": "armed-clash",
  "government regains territory": "territorial-control",
  "non-state actor overtakes territory": "territorial-control",
  "non-violent transfer of territory": "territorial-control",
  "headquarters or base established": "territorial-control",
  agreement: "agreement",
  arrests: "political-change",
  "change to group/activity": "political-change",
};

export const ACLED_EVENT_TYPES: Record<string, EventType> = {
  battles: "armed-clash",
  "explosions/remote violence": "strike",
  "violence against civilians": "strike",
  protests: "protest",
  riots: "protest",
  "strategic developments": "political-change",
};

export function acledType(eventType: string, subEventType: string): EventType | undefined {
  return ACLED_SUB_EVENT_TYPES[subEventType.trim().toLowerCase()] ?? ACLED_EVENT_TYPES[eventType.trim().toLowerCase()];
}

/**
 * geo_precision: 1 = the coordinates are those of the town the source names; 2 = the source names
 * a place near a town or a part of a region, and the nearest town is used; 3 = only a larger region
 * is known, and its capital is used. Briefmap's "exact" (the spot itself) is never claimed.
 */
export const ACLED_GEO_PRECISION: Record<string, GeoPrecision> = { "1": "city", "2": "region", "3": "region" };

/**
 * time_precision: 1 = the day is known; 2 = the week (Briefmap: a range of the 7 days centred on
 * event_date); 3 = the month (Briefmap: that calendar month).
 */
export const ACLED_TIME_PRECISION = { "1": "day", "2": "week", "3": "month" } as const;

/** Briefmap's precisions back to ACLED's, for the CSV export (the Briefmap columns keep the exact values). */
export const GEO_PRECISION_TO_ACLED: Record<GeoPrecision, string> = { exact: "1", city: "1", region: "3", country: "3" };
