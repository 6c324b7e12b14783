import { answer, json, notFound } from "@/lib/api/responses";
import { getStore } from "@/lib/store";
import { clip } from "@/lib/view/values";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { id } = await params;
    const store = await getStore();
    const [found, spans] = await Promise.all([store.article(id), store.articleSpans(id)]);
    if (!found) return notFound(`no article "${clip(id, 60)}"`);
    // File names belong to the data/ form, not to the API's answer.
    const { textFile: _t, eventsFile: _e, ...fields } = found.value;
    return json({ ...fields, spans });
  });
}

import { articleKind } from "@/lib/api/writes/kinds";
import { patch, remove, replace } from "@/lib/api/writes/handlers";

/** Writes (lib/api/writes): the admin token, If-Match honoured; DELETE?cascade=true also deletes its events. */
export const PUT = replace(articleKind);
export const PATCH = patch(articleKind);
export const DELETE = remove(articleKind);
