import { readJsonBody } from "@/lib/api/read-body";
import { RequestError } from "@/lib/api/request-error";
import { json } from "@/lib/api/responses";
import { writeRoute } from "@/lib/api/writes/write-route";
import { isArticleInputError } from "@/lib/ingest/input";
import { prepareArticle, storePlaces } from "@/lib/ingest/prepare";
import { reviewPayload } from "@/lib/ingest/review-payload";
import { getStore } from "@/lib/store";

/** A pasted page can be larger than its text; the text itself is limited by checkArticleInput. */
const LIMIT = 3 * 1024 * 1024;
const FIELDS = ["text", "published", "title", "publisher", "url", "language"] as const;

/**
 * `POST /api/ingest`: an article's text and fields in, its mentions and draft events out, for the
 * review page. Writes nothing; it takes a writer's credentials all the same, since it is the first
 * step of a write and loading the gazetteer costs the server a second and ~120 MB.
 */
export function POST(request: Request) {
  return writeRoute(request, async () => {
    const body = await readJsonBody(request, { limit: LIMIT, types: ["application/json"] });
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new RequestError(400, "send a JSON object with text and published", { field: "body" });
    const form: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!(FIELDS as readonly string[]).includes(key)) throw new RequestError(400, `unknown field "${key.slice(0, 40)}"; expected ${FIELDS.join(", ")}`, { field: key.slice(0, 40) });
      if (value !== null && value !== undefined && typeof value !== "string") throw new RequestError(400, `${key} must be a string`, { field: key });
      form[key] = value ?? undefined;
    }
    if (!form.text) throw new RequestError(400, "the text is empty", { field: "text" });
    if (!form.published) throw new RequestError(400, "the publication date is missing (YYYY-MM-DD)", { field: "published" });
    const store = await getStore();
    const layers = await storePlaces(store);
    try {
      const { article, extraction, fromHtml } = prepareArticle({ ...form, text: form.text, published: form.published }, layers);
      if (await store.article(article.id)) {
        throw new RequestError(409, `an article "${article.id}" is already stored; give this one another title, or review that one at /articles/${article.id}/review`, { field: "title" });
      }
      return json(reviewPayload(article, extraction, layers, { existing: false, fromHtml }));
    } catch (error) {
      if (isArticleInputError(error)) throw new RequestError(400, error.message, { field: error.field });
      throw error;
    }
  });
}
