import "server-only";
import { RequestError } from "@/lib/api/request-error";
import { getStore } from "@/lib/store";
import { StoreError } from "@/lib/store/store";
import { identify } from "./identify";
import { openWithoutSignIn, publicRead, signInUrl } from "./public-read";

/**
 * On a private deployment (BRIEFMAP_PUBLIC_READ=0), the answer to a request from someone not
 * signed in: pages are redirected to the sign-in page with the whole original address as `next`
 * (a shared link comes back to the same view), everything else gets 401 JSON. Undefined when the
 * request may go on. Any role reads; a bad bearer token is refused as on writes.
 */
export async function readGate(request: Request, pathname: string, original: string): Promise<Response | undefined> {
  if (publicRead() || openWithoutSignIn(pathname)) return undefined;
  const isPage = !pathname.startsWith("/api/") && acceptsHtml(request);
  try {
    const caller = await identify(request, await getStore());
    if (caller) return undefined;
  } catch (error) {
    if (error instanceof RequestError) return error.response();
    if (error instanceof StoreError && (error.code === "unavailable" || error.code === "timeout")) {
      return jsonError(503, "the data store is unavailable; try again in a moment", { "retry-after": "5" });
    }
    throw error;
  }
  if (isPage) {
    // Proxy redirects must name an absolute URL; this request's own origin keeps it on this server.
    return new Response(null, { status: 307, headers: { location: new URL(signInUrl(original), request.url).href, "cache-control": "no-store" } });
  }
  return jsonError(401, "sign in to read this Briefmap (it is not public): POST /api/auth/sign-in, or send Authorization: Bearer <token>", {
    "www-authenticate": 'Bearer realm="briefmap"',
  });
}

function acceptsHtml(request: Request): boolean {
  const method = request.method.toUpperCase();
  return (method === "GET" || method === "HEAD") && (request.headers.get("accept") ?? "").includes("text/html");
}

function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
