import { findDates, type DateMention } from "./dates";
import { draftEvents, type Draft } from "./drafts";
import type { Gazetteer } from "./gazetteer";
import { findPlaces, type PlaceMention } from "./places";
import type { LayerPlace } from "./places-index";
import { splitSentences, type Sentence } from "./sentences";

export type ArticleIn = {
  /** The article's id: drafts are named after it. */
  id: string;
  text: string;
  /** YYYY-MM-DD, already checked (see checkArticleInput). */
  published: string;
  language?: string;
};

export type Extraction = {
  sentences: Sentence[];
  places: PlaceMention[];
  dates: DateMention[];
  drafts: Draft[];
  /** Things the analyst must know about this text ("dates are not read in this language"). */
  notices: string[];
};

/**
 * Article text in, mentions and draft events out: no network, no store; the caller passes the
 * layers' places and the gazetteer (loaded once per process by `gazetteer()`).
 */
export function extractArticle(article: ArticleIn, context: { layers: readonly LayerPlace[]; gazetteer?: Gazetteer; now?: Date }): Extraction {
  const language = article.language ?? "en";
  const notices: string[] = [];
  const sentences = splitSentences(article.text);
  const places = findPlaces(article.text, sentences, context);
  const dates = findDates(article.text, sentences, article.published, language);
  if (!language.startsWith("en")) {
    notices.push(
      `The text is marked as "${language}": event words and names of people are recognised in English only, so expect few or no drafts; places are matched by name${dates.length > 0 ? " and dates were read" : ", and dates in this language are not read"}.`,
    );
  }
  const drafts = draftEvents({ articleId: article.id, text: article.text, published: article.published, sentences, places, dates, extractedAt: (context.now ?? new Date()).toISOString() });
  return { sentences, places, dates, drafts, notices };
}

/** The `--dry-run --json` shape of the CLI (issue 12): mentions and drafts, nothing else. */
export function dryRunJson(extraction: Extraction): unknown {
  return {
    mentions: {
      places: extraction.places
        .filter((p) => !p.adjective)
        .map((p) => ({
          text: p.text,
          start: p.start,
          end: p.end,
          resolved: p.resolved ? { name: p.resolved.name, point: p.resolved.point, ...(p.resolved.layer ? { layer: p.resolved.layer, feature: p.resolved.feature } : {}) } : null,
        })),
      dates: extraction.dates.map((d) => ({ text: d.text, start: d.start, end: d.end, resolved: d.resolved })),
    },
    drafts: extraction.drafts,
  };
}
