import type { NextRequest } from "next/server";
import { answer, json, ParamError } from "@/lib/api/responses";
import { articleKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";
import { getStore } from "@/lib/store";
import { readQuery } from "@/lib/view/values";

/** `GET /api/articles[?q=]`: every article, newest first, with how many events each reports; `q` narrows on title and publisher. */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const given = request.nextUrl.searchParams.getAll("q");
    if (given.length > 1) throw new ParamError("q", `"q" is given ${given.length} times; give it once`);
    let q: string | undefined;
    if (given[0]) {
      const read = readQuery(given[0]);
      if (!read.ok) throw new ParamError("q", `"q" is ${read.reason}`);
      q = read.value;
    }
    const store = await getStore();
    return json({ articles: await store.articles(q ? { q } : undefined) });
  });
}

/** POST an article (its fields and `text`); needs the admin token. */
export const POST = create(articleKind);
