import type { ArticleInput, Store } from "@/lib/store/store";
import { gazetteer } from "./gazetteer";
import { checkArticleInput, ArticleInputError } from "./input";
import { extractArticle, type Extraction } from "./pipeline";
import { layerPlaces, type LayerPlace } from "./places-index";

/** What an analyst gives for a new article (the review page's form, the CLI's options). */
export type ArticleForm = {
  text: string;
  published: string;
  title?: string;
  publisher?: string;
  url?: string;
  language?: string;
  /** An id to use instead of one made from the title and date. */
  id?: string;
};

export type PreparedArticle = { article: ArticleInput; extraction: Extraction; fromHtml: boolean };

/** The store's layers as places the pipeline can name (every layer, features and aliases). */
export async function storePlaces(store: Store): Promise<LayerPlace[]> {
  const { layers } = await store.layers();
  const full = await Promise.all(layers.map((l) => store.layer(l.id)));
  return layerPlaces(full.filter((l) => l !== undefined).map((l) => ({ id: l.manifest.id, labelProperty: l.manifest.labelProperty, aliases: l.manifest.aliases, data: l.data })));
}

/**
 * Checks the form, makes the article (id, title) and runs the pipeline over its text: what the
 * review page shows and what the CLI prints or saves. Throws ArticleInputError for bad input.
 */
export function prepareArticle(form: ArticleForm, layers: readonly LayerPlace[], now = new Date()): PreparedArticle {
  const checked = checkArticleInput({ text: form.text, published: form.published }, now);
  const language = (form.language ?? "en").trim() || "en";
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) throw new ArticleInputError("language", `the language "${language.slice(0, 20)}" is not a language tag such as en, fr or ar`);
  const firstLine = checked.text.split(/\n/)[0]?.trim() ?? "";
  const title = form.title?.trim() || clipWords(firstLine, 120);
  const id = form.id ?? `${slugOf(title).slice(0, 60).replace(/-+$/, "") || "article"}-${checked.published}`;
  const url = form.url?.trim() || undefined;
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(url)) throw new ArticleInputError("url", `the address "${url.slice(0, 60)}" is not an http(s) URL`);
  const article: ArticleInput = {
    id,
    title,
    ...(form.title?.trim() ? {} : { titleNote: "The source gives no headline here; this title is the text's first line." }),
    publisher: form.publisher?.trim() || null,
    ...(url ? { url } : {}),
    published: checked.published,
    language,
    text: checked.text,
  };
  const extraction = extractArticle({ id, text: checked.text, published: checked.published, language }, { layers, gazetteer: gazetteer(), now });
  return { article, extraction, fromHtml: checked.fromHtml };
}

/** A lowercase slug (a-z, 0-9, -) from any title, accents folded. */
export function slugOf(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40))}…`;
}
