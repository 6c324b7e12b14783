import { getBriefData } from "@/lib/data";
import { answer, json, notFound } from "@/lib/api/responses";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { id } = await params;
    const { articles, events } = await getBriefData();
    const article = articles.find((a) => a.id === id);
    if (!article) return notFound(`no article "${id.length > 60 ? `${id.slice(0, 57)}…` : id}"`);
    const { textFile: _t, eventsFile: _e, ...fields } = article;
    const spans = events
      .filter((e) => e.article === id)
      .flatMap((e) => e.sources.map((s) => ({ event: e.id, start: s.start, end: s.end, quote: s.quote })))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    return json({ ...fields, spans });
  });
}

import { articleKind } from "@/lib/api/writes/kinds";
import { patch, remove, replace } from "@/lib/api/writes/handlers";

/** Writes (lib/api/writes): the admin token, If-Match honoured; DELETE?cascade=true also deletes its events. */
export const PUT = replace(articleKind);
export const PATCH = patch(articleKind);
export const DELETE = remove(articleKind);
