import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageCsp } from "@/lib/security/headers";

/**
 * Runs before every page and API request.
 * - A path Next cannot percent-decode (`/api/layers/%zz`) is refused here with a 400: left to Next,
 *   decoding the dynamic `[id]` segment throws and the client gets a 500.
 * - Pages: a fresh nonce per request and the Content-Security-Policy that allows only scripts
 *   carrying it, both handed to Next on the request so that it stamps its own scripts (it reads the
 *   nonce from the request's CSP header). Pages are therefore rendered per request.
 * API answers, static files and the basemap get their headers from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    const message = "the path is not valid percent-encoded UTF-8";
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { param: "path", message } }, { status: 400 })
      : new NextResponse(`Bad request: ${message}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = createNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
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
    {
      // Everything but Next's static files and image optimiser, the files under public/, and the
      // import upload, whose body (up to hundreds of MB) must stream to the route, not be buffered here.
      source: "/((?!_next/static|_next/image|basemap/|favicon\\.ico|icon\\.svg|api/imports).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
