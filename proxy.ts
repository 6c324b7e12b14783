import { NextResponse, type NextRequest } from "next/server";
import { ORIGINAL_URL_HEADER } from "@/lib/auth/public-read";
import { readGate } from "@/lib/auth/read-gate";
import { credentialInUrl } from "@/lib/auth/url-credentials";
import { createNonce, pageCsp } from "@/lib/security/headers";
import { admitRequest } from "@/lib/server/request-turns";

/**
 * Runs before every request but Next's own static files.
 * - A path Next cannot percent-decode (`/api/layers/%zz`) is refused here with a 400: left to Next,
 *   decoding the dynamic `[id]` segment throws and the client gets a 500.
 * - A credential in the URL (`?token=`, `?access_token=`, a bm_… token or the bootstrap token as any
 *   value) is refused with a 400: tokens go in the Authorization header only.
 * - On a private deployment (BRIEFMAP_PUBLIC_READ=0), a signed-out request gets the sign-in page
 *   (pages, with the original address to come back to) or 401 JSON (API, previews, print fonts,
 *   basemap and data files). See lib/auth/read-gate.ts.
 * - Pages: a fresh nonce per request and the Content-Security-Policy that allows only scripts
 *   carrying it, both handed to Next on the request so that it stamps its own scripts (it reads the
 *   nonce from the request's CSP header). Pages are therefore rendered per request.
 * - Every request waits for its turn (lib/server/request-turns.ts), so that a burst of requests
 *   cannot hold the event loop for long; when the queue is full it is refused with a 503.
 * API answers, static files and the basemap get their other headers from next.config.ts.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!decodable(pathname)) {
    return refuse(isApi, "path", "the path is not valid percent-encoded UTF-8");
  }
  const credential = credentialInUrl(searchParams, process.env.BRIEFMAP_ADMIN_TOKEN);
  if (credential) return refuse(isApi, "token", credential);

  // The address as sent (nextUrl re-encodes the query, e.g. "/" as %2F): a shared link comes back as it was.
  const original = rawPathAndQuery(request.url) ?? `${pathname}${search}`;
  if ((await admitRequest()) === "refused") return overloaded(isApi);
  const gate = await readGate(request, pathname, original);
  if (gate) return gate;

  if (isApi || pathname.startsWith("/basemap/") || isPrefetch(request)) return NextResponse.next();

  const nonce = createNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(ORIGINAL_URL_HEADER, original);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function overloaded(isApi: boolean): NextResponse {
  const message = "the server is overloaded; try again in a moment";
  const headers = { "retry-after": "2" };
  return isApi
    ? NextResponse.json({ error: { message } }, { status: 503, headers })
    : new NextResponse(`Service unavailable: ${message}.`, { status: 503, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

function refuse(isApi: boolean, param: string, message: string): NextResponse {
  return isApi
    ? NextResponse.json({ error: { param, message } }, { status: 400 })
    : new NextResponse(`Bad request: ${message}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Router prefetches keep their old path: no nonce of their own (the page's is used). */
function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

function rawPathAndQuery(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  return match?.[1] || undefined;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    // Everything but Next's own build files and image optimiser. The basemap files under public/
    // pass through too: on a private deployment they are data like any other. The import upload
    // does not: its body (up to hundreds of MB) must stream to the route, not be buffered here; the
    // route itself asks for an editor's credentials (lib/api/write-access.ts).
    "/((?!_next/static|_next/image|api/imports).*)",
  ],
};
