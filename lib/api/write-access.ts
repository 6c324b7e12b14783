import "server-only";
import { checkCsrfToken, checkSameOrigin } from "@/lib/auth/csrf";
import { CSRF_HEADER } from "@/lib/auth/cookies";
import { ADMIN_ACTOR, identify, type Caller } from "@/lib/auth/identify";
import { atLeast, type Role } from "@/lib/auth/roles";
import { getStore } from "@/lib/store";
import { RequestError } from "./request-error";

export { ADMIN_ACTOR };

/**
 * Who may write: the one place that decides, for every write route. A request in, the writer out
 * (its actor is what the audit log records), or a RequestError:
 * - 401 when nobody is signed in and no token is given (or a given token is wrong);
 * - 403 when the caller's role is below `needed` (editor adds and edits; admin deletes and manages
 *   accounts), and for a cookie-authenticated write that fails the CSRF check (other origin, or no
 *   matching `x-csrf-token`).
 * Credentials: `Authorization: Bearer` with a user's API token or the bootstrap BRIEFMAP_ADMIN_TOKEN
 * (actor "admin-token", role admin), or the session cookie of a signed-in user.
 * `form` is the `csrf` field of a submitted HTML form, for the routes that take one.
 */
export async function authorizeWrite(request: Request, needed: Role = "editor", form?: { csrf?: string | null }): Promise<Caller> {
  const caller = await identify(request, await getStore());
  if (!caller) {
    throw new RequestError(401, "sign in or send an Authorization: Bearer <token> header to write", {
      field: "Authorization",
      headers: { "www-authenticate": 'Bearer realm="briefmap"' },
    });
  }
  // Reads (GET/HEAD) change nothing, so a forged one gains nothing: the CSRF check is for writes.
  if (caller.via === "session" && !["GET", "HEAD"].includes(request.method.toUpperCase())) {
    checkSameOrigin(request);
    checkCsrfToken(request.headers.get(CSRF_HEADER) ?? form?.csrf, caller.csrf!);
  }
  if (!atLeast(caller.role, needed)) {
    throw new RequestError(403, `${caller.actor} is ${article(caller.role)} ${caller.role}; this needs the ${needed} role`, { field: "role" });
  }
  return caller;
}

const article = (role: Role) => (role === "admin" ? "an" : "a");
