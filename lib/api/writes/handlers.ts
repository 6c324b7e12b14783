import "server-only";
import { getStore } from "@/lib/store";
import { StoreError } from "@/lib/store/store";
import { answer, notFound } from "../responses";
import { readJsonBody } from "../read-body";
import { RequestError } from "../request-error";
import { applyMergePatch } from "./merge-patch";
import { etag, ifMatchVersion, notModified } from "./etag";
import type { Kind } from "./kinds";
import { withPathId } from "./bodies";
import { writeRoute } from "./write-route";
import { atLeast } from "@/lib/auth/roles";

type Params = { params: Promise<{ id: string }> };

const JSON_TYPES = ["application/json"] as const;
/** RFC 7396's own media type, and plain JSON for clients that cannot set it. */
const PATCH_TYPES = ["application/merge-patch+json", "application/json"] as const;
/** A PATCH without If-Match is still applied to the version it was merged into; a concurrent write makes it start over. */
const PATCH_ATTEMPTS = 3;

/** POST to the collection: 201, Location and ETag of the new thing. */
export function create<S, I>(kind: Kind<S, I>) {
  return (request: Request) =>
    writeRoute(request, async (actor) => {
      const input = kind.parse(await readJsonBody(request, { limit: kind.limit, types: JSON_TYPES }));
      const store = await getStore();
      const { value, version } = await kind.create(store, input, { actor });
      const body = kind.stored(value);
      return written(kind.written(value), body.id, version, 201, { location: `${kind.path}/${encodeURIComponent(body.id)}` });
    });
}

/** GET one thing in its data/ form with its ETag (304 when If-None-Match already holds it). */
export function read<S, I>(kind: Kind<S, I>) {
  return (request: Request, { params }: Params) =>
    answer(async () => {
      const { id } = await params;
      const found = await kind.read(await getStore(), id);
      if (!found) return notFound(`no ${kind.name} "${clip(id)}"`);
      const headers: Record<string, string> = { "cache-control": "no-cache" };
      if (found.version !== undefined) {
        const tag = etag(id, found.version);
        headers.etag = tag;
        if (notModified(request, tag)) return new Response(null, { status: 304, headers });
      }
      return new Response(JSON.stringify(kind.stored(found.value)), {
        headers: { "content-type": "application/json; charset=utf-8", ...headers },
      });
    });
}

/** PUT: the whole thing replaced (never created: POST creates), honouring If-Match. */
export function replace<S, I>(kind: Kind<S, I>) {
  return (request: Request, { params }: Params) =>
    writeRoute(request, async (actor) => {
      const { id } = await params;
      const ifMatch = ifMatchVersion(request, id);
      const body = await readJsonBody(request, { limit: kind.limit, types: JSON_TYPES });
      const input = kind.parse(withPathId(asObject(body), id));
      const { value, version } = await kind.replace(await getStore(), id, input, { actor, ifMatch });
      return written(kind.written(value), id, version, 200);
    });
}

/** PATCH: an RFC 7396 merge patch over the stored form, then the same checks as a PUT. */
export function patch<S, I>(kind: Kind<S, I>) {
  return (request: Request, { params }: Params) =>
    writeRoute(request, async (actor) => {
      const { id } = await params;
      const ifMatch = ifMatchVersion(request, id);
      const patchBody = await readJsonBody(request, { limit: kind.limit, types: PATCH_TYPES });
      if (typeof patchBody !== "object" || patchBody === null || Array.isArray(patchBody)) {
        throw new RequestError(400, "a merge patch is a JSON object of the fields to change (null removes one)", { field: "body" });
      }
      const store = await getStore();
      for (let attempt = 1; ; attempt++) {
        const current = await kind.read(store, id);
        if (!current) throw new StoreError("not-found", `no ${kind.name} "${clip(id)}"`);
        const merged = withPathId(asObject(applyMergePatch(kind.stored(current.value), patchBody)), id);
        const input = kind.parse(merged);
        try {
          const { value, version } = await kind.replace(store, id, input, { actor, ifMatch: ifMatch ?? current.version });
          return written(kind.written(value), id, version, 200);
        } catch (error) {
          // Only retry when the client set no condition and someone else wrote between our read and write.
          if (!(error instanceof StoreError && error.code === "stale" && ifMatch === undefined && attempt < PATCH_ATTEMPTS)) throw error;
        }
      }
    });
}

/** DELETE: 204, honouring If-Match. Deleting is for admins; editors may reject drafts awaiting review. */
export function remove<S, I>(kind: Kind<S, I>) {
  return (request: Request, { params }: Params) =>
    writeRoute(request, async (actor, caller) => {
      const { id } = await params;
      const ifMatch = ifMatchVersion(request, id);
      const store = await getStore();
      if (!atLeast(caller.role, "admin") && !(await kind.editorMayDelete?.(store, id))) {
        throw new RequestError(403, `${actor} is ${caller.role === "editor" ? "an editor" : `a ${caller.role}`}; deleting this ${kind.name} needs the admin role (editors may only reject drafted events awaiting review)`, { field: "role" });
      }
      await kind.remove(store, id, { actor, ifMatch }, new URL(request.url).searchParams);
      return new Response(null, { status: 204 });
    }, "editor");
}

function written(body: unknown, id: string, version: number, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", etag: etag(id, version), "cache-control": "no-store", ...headers },
  });
}

function asObject(body: unknown): { id?: unknown } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new RequestError(400, "the body must be a JSON object", { field: "body" });
  }
  return body as { id?: unknown };
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
