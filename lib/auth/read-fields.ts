import "server-only";
import { readAtMost, readJsonBody } from "@/lib/api/read-body";
import { RequestError } from "@/lib/api/request-error";

/** Sign-in and account bodies are a few short fields. */
const LIMIT = 16 * 1024;

export type Fields = { values: Record<string, string | undefined>; form: boolean };

/**
 * The fields of a small body, sent as JSON (scripts, writeFetch) or as an HTML form (the sign-in and
 * sign-out pages work without JavaScript). Only string fields are kept; anything else is absent.
 */
export async function readFields(request: Request): Promise<Fields> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    const declared = request.headers.get("content-length");
    if (declared !== null && /^\d+$/.test(declared) && Number(declared) > LIMIT) throw new RequestError(413, `the body is larger than ${LIMIT} bytes`, { field: "body" });
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await readAtMost(request, LIMIT));
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError(400, "the form is not valid UTF-8", { field: "body" });
    }
    const values: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) if (!(k in values)) values[k] = v;
    return { values, form: true };
  }
  const body = await readJsonBody(request, { limit: LIMIT, types: ["application/json"] });
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new RequestError(400, "the body must be a JSON object", { field: "body" });
  const values: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v;
  return { values, form: false };
}

/**
 * Where to go after signing in: a path on this server only (an absolute or protocol-relative URL
 * would make the sign-in page an open redirect), else the dashboard.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || raw.length > 4000) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f]/.test(raw)) return "/";
  return raw;
}
