import { BODY_LIMITS, readJsonBody } from "@/lib/api/read-body";
import { RequestError } from "@/lib/api/request-error";
import { json } from "@/lib/api/responses";
import { articleKind, eventKind } from "@/lib/api/writes/kinds";
import { writeRoute } from "@/lib/api/writes/write-route";
import type { BriefEvent } from "@/lib/model/schema";
import { getStore } from "@/lib/store";

/** The most events one reviewed article may bring in one save. */
const MAX_EVENTS = 2_000;

/**
 * `POST /api/ingest/save` with `{ article, events }`: a reviewed article and the events the analyst
 * accepted, saved whole or not at all. Every body is checked before anything is written; should a
 * write still be refused (an event id taken meanwhile), what this request wrote is deleted again
 * here on the server, so that neither a closed browser tab nor an editor's lack of the delete role
 * can leave an article saved by half. Each article and event gets its own audit entry, by the writer.
 */
export function POST(request: Request) {
  return writeRoute(request, async (actor) => {
    // An article with up to MAX_EVENTS events: the largest body the write API takes (a layer's).
    const body = await readJsonBody(request, { limit: BODY_LIMITS.layer, types: ["application/json"] });
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new RequestError(400, "send a JSON object with article and events", { field: "body" });
    const { article: rawArticle, events: rawEvents, ...rest } = body as Record<string, unknown>;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) throw new RequestError(400, `unknown field "${unknown.slice(0, 40)}"; expected article and events`, { field: unknown.slice(0, 40) });
    if (!Array.isArray(rawEvents)) throw new RequestError(400, "events must be an array (it may be empty)", { field: "events" });
    if (rawEvents.length > MAX_EVENTS) throw new RequestError(400, `at most ${MAX_EVENTS} events per save, got ${rawEvents.length}`, { field: "events" });

    const article = within("article", () => articleKind.parse(rawArticle));
    const events: BriefEvent[] = rawEvents.map((raw, i) =>
      within(`events[${i}]`, () => {
        const event = eventKind.parse(raw);
        if (event.article !== article.id) throw new RequestError(400, `cites article "${event.article}", not "${article.id}"`, { field: "article" });
        return event;
      }),
    );
    const ids = new Set<string>();
    for (const [i, e] of events.entries()) {
      if (ids.has(e.id)) throw new RequestError(400, `events[${i}]: the id "${e.id}" is given twice`, { field: `events[${i}].id` });
      ids.add(e.id);
    }

    const store = await getStore();
    if (await store.article(article.id)) throw new RequestError(409, `an article "${article.id}" is already stored`, { field: "article.id" });
    const write = { actor };
    await articleKind.create(store, article, write);
    const written: string[] = [];
    try {
      for (const event of events) {
        await eventKind.create(store, event, write);
        written.push(event.id);
      }
    } catch (error) {
      // Undo: deleting the article with its events removes what this request wrote (the audit log
      // keeps both the writes and their undoing).
      await store.deleteArticle(article.id, { ...write, cascade: true }).catch(() => {});
      const failed = events[written.length];
      if (error instanceof RequestError) throw error;
      if (error instanceof Error && failed) error.message = `events[${written.length}] ("${failed.id}"): ${error.message}; nothing was saved`;
      throw error;
    }
    return json({ article: article.id, events: written }, { status: 201 });
  });
}

/** A body's part checked on its own: its problems are named by their path in the whole body. */
function within<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    const { field, problems } = error.details;
    throw new RequestError(error.status, `${path}: ${error.message}`, {
      field: field ? `${path}.${field}` : path,
      problems: problems?.map((p) => ({ ...p, field: `${path}.${p.field}` })),
    });
  }
}
