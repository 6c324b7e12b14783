import "server-only";
import { RequestError } from "@/lib/api/request-error";
import type { Store, User } from "@/lib/store/store";
import { nameKey } from "./names";
import { MAX_PASSWORD_LENGTH, passwordMatches } from "./passwords";
import { signInThrottle } from "./throttle";

/** The one answer to a wrong name or a wrong password: it must not say which. */
export const WRONG_CREDENTIALS = "the user name or password is wrong";

/**
 * The address a sign-in is counted against. Next fills X-Forwarded-For with the peer's address
 * when no proxy did; behind a reverse proxy, that proxy must set it (see SECURITY.md).
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || "unknown";
}

/**
 * Checks a name and password: the user, or a RequestError (400 bad input, 401 wrong, 429 throttled
 * with Retry-After). Unknown names take the same path and time as wrong passwords, and are
 * throttled and locked alike, so that no answer tells whether a name exists.
 */
export async function checkSignIn(store: Store, request: Request, rawName: string | undefined, password: string | undefined): Promise<User> {
  if (!rawName) throw new RequestError(400, "enter your user name", { field: "name" });
  if (!password) throw new RequestError(400, "enter your password", { field: "password" });
  if (rawName.length > 256) throw new RequestError(400, "the user name is too long", { field: "name" });
  if (password.length > MAX_PASSWORD_LENGTH) throw new RequestError(400, `the password is longer than ${MAX_PASSWORD_LENGTH} characters`, { field: "password" });
  const key = nameKey(rawName.trim());
  const address = clientAddress(request);
  const throttle = signInThrottle();
  const wait = throttle.waitSeconds(key, address);
  if (wait > 0) {
    throw new RequestError(429, `too many sign-in attempts; try again in ${wait} s`, { headers: { "retry-after": String(wait) } });
  }
  throttle.tried(address);
  const user = await store.accounts.userByKey(key);
  const ok = await passwordMatches(password, user?.passwordHash);
  if (!ok || !user) {
    throttle.failed(key);
    throw new RequestError(401, WRONG_CREDENTIALS);
  }
  throttle.succeeded(key);
  const { passwordHash: _hash, ...plain } = user;
  return plain;
}
