import "server-only";
import { RequestError } from "@/lib/api/request-error";
import type { Store, User } from "@/lib/store/store";
import { nameKey } from "./names";
import { MAX_PASSWORD_LENGTH, passwordMatches } from "./passwords";
import { LOCK_AFTER_FAILURES, lockMs, signInThrottle } from "./throttle";

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
  const now = new Date();
  const lockedUntil = await store.accounts.signInLock(key, now);
  const wait = Math.max(throttle.waitSeconds(address, now.getTime()), lockedUntil ? Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000) : 0);
  if (wait > 0) {
    throw new RequestError(429, `too many sign-in attempts; try again in ${wait} s`, { headers: { "retry-after": String(wait) } });
  }
  throttle.tried(address, now.getTime());
  const user = await store.accounts.userByKey(key);
  const ok = await passwordMatches(password, user?.passwordHash);
  if (!ok || !user) {
    await store.accounts.recordSignInFailure(key, new Date(), { lockAfter: LOCK_AFTER_FAILURES, lockMs: lockMs() });
    throw new RequestError(401, WRONG_CREDENTIALS);
  }
  await store.accounts.clearSignInFailures(key);
  const { passwordHash: _hash, ...plain } = user;
  return plain;
}

/** The sign-in form's messages, by the code the form is sent back with (see signInErrorCode). */
export const SIGN_IN_MESSAGES = {
  wrong: WRONG_CREDENTIALS,
  throttled: "too many sign-in attempts; try again in {retry} s",
  missing: "enter your user name and password",
  "too-long": "the user name or password is too long",
  "cross-site": "sign-in refused: the form was not sent from this server's own page",
  failed: "sign-in failed; try again",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_MESSAGES;

export function signInErrorCode(error: RequestError): SignInErrorCode {
  if (error.status === 401) return "wrong";
  if (error.status === 429) return "throttled";
  if (error.status === 403) return "cross-site";
  if (error.status === 413 || /too long|longer than/.test(error.message)) return "too-long";
  if (error.status === 400 && /enter your/.test(error.message)) return "missing";
  return "failed";
}

/** The message for a code and a retry time from the address; undefined for anything else. */
export function signInMessage(code: string | undefined, retry: string | undefined): string | undefined {
  if (!code || !Object.hasOwn(SIGN_IN_MESSAGES, code)) return undefined;
  const seconds = retry && /^\d{1,6}$/.test(retry) ? retry : "a few";
  return SIGN_IN_MESSAGES[code as SignInErrorCode].replace("{retry}", seconds);
}
