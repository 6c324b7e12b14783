/**
 * The event type vocabulary, kept apart from the zod schemas so that the browser gets the list
 * without the validator (about 50 KB).
 */
export const EVENT_TYPES = [
  "diplomacy",
  "statement",
  "agreement",
  "strike",
  "territorial-control",
  "armed-clash",
  "protest",
  "political-change",
  "humanitarian-appeal",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
