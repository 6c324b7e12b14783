import { convert } from "html-to-text";
import { isCalendarDate } from "@/lib/model/calendar-date";

/** Longest article text accepted: a long feature is ~50 KB; 1 MB leaves room without letting a paste stall the server. */
export const MAX_ARTICLE_CHARS = 1_000_000;

export type CheckedArticle = { text: string; published: string; fromHtml: boolean };

/** Why an article cannot be read, naming the field. */
export class ArticleInputError extends Error {
  constructor(
    readonly field: "text" | "published" | "url" | "language",
    message: string,
  ) {
    super(message);
    this.name = "ArticleInputError";
  }
}

/** By name as well as class: a script and a library it loads can each hold a copy of this module. */
export function isArticleInputError(error: unknown): error is ArticleInputError {
  return error instanceof ArticleInputError || (error instanceof Error && error.name === "ArticleInputError" && "field" in error);
}

/**
 * Checks what an analyst pasted or uploaded before anything is extracted or saved: text present,
 * not binary, not too long; HTML reduced to its text (scripts and styles dropped, nothing kept as
 * markup); a real publication date that is not in the future.
 */
export function checkArticleInput(input: { text: string; published: string }, today = new Date()): CheckedArticle {
  const published = input.published.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !isCalendarDate(published)) {
    throw new ArticleInputError("published", `the publication date "${published.slice(0, 40)}" is not a date as YYYY-MM-DD`);
  }
  const todayIso = today.toISOString().slice(0, 10);
  // A day of margin: an article published "tomorrow" somewhere east of UTC is already out.
  const latest = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (published > latest) throw new ArticleInputError("published", `the publication date ${published} is in the future (today is ${todayIso})`);
  let text = input.text;
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ArticleInputError("text", `the text is ${text.length.toLocaleString("en")} characters long; at most ${MAX_ARTICLE_CHARS.toLocaleString("en")} are read (one article, not a whole site)`);
  }
  if (/\u0000/.test(text) || controlShare(text) > 0.01 || text.includes("\ufffd\ufffd\ufffd")) {
    throw new ArticleInputError("text", "the text looks binary (control characters or undecodable bytes): paste the article's text, or upload a .txt or .html file");
  }
  const fromHtml = looksLikeHtml(text);
  if (fromHtml) text = htmlToText(text);
  text = text.replace(/\r\n?/g, "\n").trim();
  if (!text) throw new ArticleInputError("text", fromHtml ? "the HTML holds no readable text" : "the text is empty");
  return { text, published, fromHtml };
}

function controlShare(text: string): number {
  const sample = text.slice(0, 20_000);
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  return sample.length ? controls / sample.length : 0;
}

export function looksLikeHtml(text: string): boolean {
  return /<(html|body|p|div|article|script|head|br|span|h[1-6])[\s>/]/i.test(text.slice(0, 5000));
}

/** The article's words from an HTML page: paragraphs kept apart, links as their text, no images, scripts or styles. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
    ],
  });
}
