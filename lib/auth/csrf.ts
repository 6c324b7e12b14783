import "server-only";
import { RequestError } from "@/lib/api/request-error";
import { CSRF_HEADER } from "./cookies";
import { sameSecret } from "./secrets";

/**
 * A cookie-authenticated write must come from one of our own pages: the browser's Sec-Fetch-Site
 * says same-origin (when sent) and its Origin is this host (or BRIEFMAP_PUBLIC_URL), and it repeats
 * the session's CSRF value (double submit: `x-csrf-token` header, or a form's `csrf` field).
 * SameSite=Lax alone would still let another site's form POST in some browsers and set-ups.
 */
export function checkSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") {
    throw new RequestError(403, `cross-site write refused (Sec-Fetch-Site: ${site.slice(0, 40)}): writes must come from Briefmap's own pages`);
  }
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") throw new RequestError(403, "write refused: the request has no Origin header, so it cannot be told apart from a forged one");
  if (!allowedOrigins(request).has(origin.toLowerCase())) {
    throw new RequestError(403, `cross-site write refused: the request comes from ${origin.slice(0, 100)}, not from this server`);
  }
}

export function checkCsrfToken(given: string | null | undefined, expected: string): void {
  if (!given) throw new RequestError(403, `write refused: the ${CSRF_HEADER} header is missing (use writeFetch from Briefmap's pages)`, { field: CSRF_HEADER });
  if (!sameSecret(given, expected)) throw new RequestError(403, `write refused: the ${CSRF_HEADER} does not match this session; reload the page`, { field: CSRF_HEADER });
}

function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set<string>();
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`.toLowerCase());
    allowed.add(`https://${host}`.toLowerCase());
  }
  const configured = process.env.BRIEFMAP_PUBLIC_URL;
  if (configured) {
    try {
      allowed.add(new URL(configured).origin.toLowerCase());
    } catch {
      // A malformed setting adds nothing.
    }
  }
  return allowed;
}
