import type { Place } from "./place";
import type { ArticleMeta, BriefEvent } from "./schema";

/** An article with its full text. */
export type Article = ArticleMeta & { text: string };

/** An event with its place references resolved to names and points. */
export type LoadedEvent = BriefEvent & { place: Place; aboutPlaces: Place[] };
