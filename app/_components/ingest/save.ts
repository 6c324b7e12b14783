import type { BriefEvent } from "@/lib/model/schema";
import { writeFetch } from "@/app/_components/auth/write-fetch";
import type { ReviewArticle, ReviewPayload } from "@/lib/ingest/review-types";

/*
 * Every request of the review page that needs a writer's credentials, in one module: the
 * extraction (the first step of a write) and the writes themselves, through the public write API.
 * The session cookie and its CSRF header travel with every one of them (writeFetch).
 */

export class SaveError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function send(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await writeFetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new SaveError("the server could not be reached; nothing more was sent", 0);
  }
  const answer = (await response.json().catch(() => null)) as { error?: { message?: string; field?: string; problems?: { field: string; message: string }[] } } | null;
  if (!response.ok) {
    const problems = answer?.error?.problems?.map((p) => `${p.field}: ${p.message}`).join("; ");
    throw new SaveError(`${answer?.error?.message ?? `HTTP ${response.status}`}${problems ? ` (${problems})` : ""}`, response.status, answer?.error?.field);
  }
  return answer;
}

/** The text read on the server: mentions and drafts for review. Nothing is stored. */
export async function extract(form: { text: string; published: string; title: string; publisher: string; url: string; language: string }): Promise<ReviewPayload> {
  return (await send("POST", "/api/ingest", form)) as ReviewPayload;
}

/**
 * A new article and the events the analyst accepted, in one request that the server saves whole
 * or not at all (app/api/ingest/save).
 */
export async function saveNewArticle(article: ReviewArticle, events: readonly BriefEvent[]): Promise<void> {
  await send("POST", "/api/ingest/save", { article, events });
}

/** Decisions on drafts already stored: accepted ones are rewritten as reviewed, rejected ones deleted. */
export async function saveDecisions(accepted: readonly BriefEvent[], rejected: readonly string[]): Promise<void> {
  for (const event of accepted) await send("PUT", `/api/events/${encodeURIComponent(event.id)}`, event);
  for (const id of rejected) await send("DELETE", `/api/events/${encodeURIComponent(id)}`);
}
