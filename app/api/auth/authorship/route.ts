import type { NextRequest } from "next/server";
import { answer, badRequest, json } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { identify } from "@/lib/auth/identify";
import { getStore } from "@/lib/store";

const ENTITIES = new Set(["event", "article", "layer"]);

/**
 * `GET /api/auth/authorship?entity=event|article|layer&id=` → `{ added?: { by, at }, edited?: { by, at } }`
 * from the audit log, for the event card and the article reader. Names of colleagues are for
 * colleagues: signed-in users and token holders only (401 otherwise), also on a public deployment.
 */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const params = request.nextUrl.searchParams;
    const entity = params.get("entity") ?? "";
    const id = params.get("id") ?? "";
    if (!ENTITIES.has(entity)) return badRequest("entity", "expected event, article or layer");
    if (!id || id.length > 200) return badRequest("id", "expected the id of the thing (at most 200 characters)");
    try {
      const store = await getStore();
      if (!(await identify(request, store))) return json({ error: { message: "sign in to see who added and edited this" } }, { status: 401 });
      const authorship = await store.authorship(entity as "event" | "article" | "layer", id);
      return json(authorship, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof RequestError) return error.response();
      throw error;
    }
  });
}
