import "server-only";
import { RequestError } from "@/lib/api/request-error";
import type { Store, User } from "@/lib/store/store";
import { type Role } from "./roles";
import { sameSecret } from "./secrets";
import { sessionOf } from "./sessions";
import { tokenUser } from "./tokens";
import { TOKEN_PREFIX } from "./url-credentials";

/** Who the audit log records for the bootstrap token (BRIEFMAP_ADMIN_TOKEN). */
export const ADMIN_ACTOR = "admin-token";
/** Shorter bootstrap tokens are guessable; the server refuses to accept one rather than run weakly. */
const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * Who is asking: the bootstrap token, a user's API token (both `Authorization: Bearer`) or a
 * session cookie. `csrf` is the session's CSRF value: a cookie is sent by the browser on its own,
 * so a write that relies on it must also prove it came from our page.
 */
export type Caller = { actor: string; role: Role; via: "admin-token" | "token" | "session"; user?: User; csrf?: string };

const challenge = (error?: string) => ({ "www-authenticate": `Bearer realm="briefmap"${error ? `, error="${error}"` : ""}` });

/**
 * The caller of a request, or undefined when it carries no credential. A credential that is
 * present but wrong is a 401 (or a 403 naming the missing server setting), never "signed out".
 */
export async function identify(request: Request, store: Store): Promise<Caller | undefined> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const given = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    if (!given) throw new RequestError(401, "the Authorization header must be: Bearer <token>", { field: "Authorization", headers: challenge("invalid_request") });
    if (given.startsWith(TOKEN_PREFIX)) {
      const user = await tokenUser(store, given);
      if (!user) throw new RequestError(401, "the API token is not valid (unknown or revoked)", { field: "Authorization", headers: challenge("invalid_token") });
      return { actor: user.name, role: user.role, via: "token", user };
    }
    const configured = process.env.BRIEFMAP_ADMIN_TOKEN ?? "";
    if (!configured) {
      throw new RequestError(403, "this server has no BRIEFMAP_ADMIN_TOKEN configured, so no bootstrap token is accepted: use a user's API token (bm_…) or sign in", {
        field: "Authorization",
      });
    }
    if (configured.length < MIN_ADMIN_TOKEN_LENGTH) {
      throw new RequestError(403, `the bootstrap token is off on this server: BRIEFMAP_ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters`, { field: "Authorization" });
    }
    if (!sameSecret(given, configured)) throw new RequestError(401, "the bearer token is not valid", { field: "Authorization", headers: challenge("invalid_token") });
    return { actor: ADMIN_ACTOR, role: "admin", via: "admin-token" };
  }
  const signedIn = await sessionOf(store, request.headers.get("cookie"));
  if (!signedIn) return undefined;
  return { actor: signedIn.user.name, role: signedIn.user.role, via: "session", user: signedIn.user, csrf: signedIn.csrf };
}
