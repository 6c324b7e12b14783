import "server-only";
import type { Store } from "@/lib/store/store";
import { readId } from "@/lib/view/values";
import { newestArticle } from "@/lib/view/view-events";
import { ParamError } from "./responses";

/** `reader=<article id>`: the article whose sentences the dashboard marks; absent = the newest. */
export async function readReader(store: Store, params: URLSearchParams): Promise<string | undefined> {
  const all = params.getAll("reader");
  if (all.length > 1) throw new ParamError("reader", `"reader" is given ${all.length} times; give it once`);
  const raw = all[0];
  if (raw === undefined || raw === "") return newestArticle(store);
  const read = readId("article")(raw);
  if (!read.ok) throw new ParamError("reader", read.reason);
  if (!(await store.article(read.value))) throw new ParamError("reader", `unknown article "${raw.slice(0, 40)}"`);
  return read.value;
}

/** The filters alone: `reader` says which article marks sentences, it filters nothing. */
export function withoutReader(params: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(params);
  rest.delete("reader");
  return rest;
}
