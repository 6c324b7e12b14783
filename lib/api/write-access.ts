import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { RequestError } from "./request-error";

/** Who a write is recorded as in the audit log until accounts exist. */
export const ADMIN_ACTOR = "admin-token";

/** Shorter tokens are guessable; the server refuses to accept writes with one rather than run weakly. */
const MIN_TOKEN_LENGTH = 16;

/**
 * Who may write: for now, whoever presents `Authorization: Bearer $BRIEFMAP_ADMIN_TOKEN`. The one
 * place that decides; accounts will replace its body and keep its shape (a request in, an actor out).
 * No token configured means writes are off (403); a missing or wrong token is a 401.
 */
export function authorizeWrite(request: Request): { actor: string } {
  const configured = process.env.BRIEFMAP_ADMIN_TOKEN ?? "";
  if (!configured) {
    throw new RequestError(403, "writes are off on this server: it has no BRIEFMAP_ADMIN_TOKEN configured");
  }
  if (configured.length < MIN_TOKEN_LENGTH) {
    throw new RequestError(403, `writes are off on this server: BRIEFMAP_ADMIN_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters`);
  }
  const header = request.headers.get("authorization");
  const given = header ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined;
  if (!given) {
    throw new RequestError(401, "writing needs an Authorization: Bearer <token> header", {
      field: "Authorization",
      headers: { "www-authenticate": 'Bearer realm="briefmap"' },
    });
  }
  if (!sameSecret(given, configured)) {
    throw new RequestError(401, "the bearer token is not valid", {
      field: "Authorization",
      headers: { "www-authenticate": 'Bearer realm="briefmap", error="invalid_token"' },
    });
  }
  return { actor: ADMIN_ACTOR };
}

/**
 * Compares digests, not the strings: timingSafeEqual needs equal lengths, and comparing fixed-length
 * SHA-256 digests in constant time reveals neither the token's characters nor its length.
 */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
