import type { ArticleMeta, BriefEvent } from "@/lib/model/schema";

/**
 * What the review page works on, the same for a new article (extracted on the server from the
 * pasted text) and an existing one (its stored drafts): plain data, safe to send to the browser.
 */
export type ReviewPlace = { name: string; point: [number, number]; layer?: string; feature?: string };

export type ReviewMention = {
  kind: "place" | "date";
  text: string;
  start: number;
  end: number;
  /** What the mention was read as ("Paris, layer paris", "2025-08-19"), or null when nothing matched. */
  reading: string | null;
  why: string;
  /** For a place: where it is, so that it can be offered for a draft's "where". */
  place?: ReviewPlace;
  /** Other places of the same name ("two places, one name"). */
  alternatives?: string[];
};

export type ReviewDraft = {
  event: BriefEvent;
  /** Where the draft sits on the map (its `where` resolved). */
  place: ReviewPlace;
  /** Already stored (saved unreviewed by the CLI): accepting rewrites it, rejecting deletes it. */
  stored: boolean;
};

export type ReviewArticle = Omit<ArticleMeta, "textFile" | "eventsFile"> & { text: string };

export type ReviewPayload = {
  article: ReviewArticle;
  /** The article is already in the store (review of saved drafts). */
  existing: boolean;
  mentions: ReviewMention[];
  drafts: ReviewDraft[];
  notices: string[];
  fromHtml: boolean;
};

/** A layer feature the analyst can pick as a draft's place. */
export type FeatureChoice = ReviewPlace & { layerTitle: string };
