import "server-only";
import type { Store, User } from "@/lib/store/store";
import { clearCookie, cookieValue, CSRF_COOKIE, isHttps, SESSION_COOKIE, setCookie } from "./cookies";
import { digestOf, randomSecret } from "./secrets";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A session unused this long ends (BRIEFMAP_SESSION_IDLE_MINUTES, default 12 hours). */
export function idleMs(): number {
  return positive(process.env.BRIEFMAP_SESSION_IDLE_MINUTES) * MINUTE || 12 * HOUR;
}
/** A session ends this long after sign-in however much it is used (BRIEFMAP_SESSION_MAX_HOURS, default 7 days). */
export function absoluteMs(): number {
  return positive(process.env.BRIEFMAP_SESSION_MAX_HOURS) * HOUR || 7 * 24 * HOUR;
}
/** Use is written back at most this often, so that reading pages does not write on every request. */
const TOUCH_EVERY_MS = MINUTE;

function positive(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export type SignedIn = { user: User; csrf: string; idDigest: string };

/**
 * Starts a session for `user`: a new random id (the old session, if the browser had one, is ended:
 * the id is rotated at every sign-in) and a new CSRF value. Returns the Set-Cookie headers.
 */
export async function startSession(store: Store, user: User, request: Request, now = new Date()): Promise<string[]> {
  const old = cookieValue(request.headers.get("cookie"), SESSION_COOKIE);
  if (old) await store.accounts.deleteSession(digestOf(old));
  const id = randomSecret();
  const csrf = randomSecret();
  const expiresAt = new Date(now.getTime() + absoluteMs());
  await store.accounts.createSession({ idDigest: digestOf(id), userId: user.id, csrf, createdAt: now, expiresAt });
  // Now and then, not on every sign-in: sweep sessions nobody will use again.
  if (Math.random() < 0.05) await store.accounts.deleteExpiredSessions(now, idleMs());
  const secure = isHttps(request);
  const maxAgeSeconds = absoluteMs() / 1000;
  return [setCookie(SESSION_COOKIE, id, { maxAgeSeconds, httpOnly: true, secure }), setCookie(CSRF_COOKIE, csrf, { maxAgeSeconds, httpOnly: false, secure })];
}

/**
 * The signed-in user of a Cookie header, or undefined: no cookie, an unknown (tampered, forged,
 * signed-out) id, or a session past its idle or absolute expiry (which is then deleted).
 */
export async function sessionOf(store: Store, cookieHeader: string | null | undefined, now = new Date()): Promise<SignedIn | undefined> {
  const id = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!id) return undefined;
  const idDigest = digestOf(id);
  const session = await store.accounts.session(idDigest);
  if (!session) return undefined;
  const t = now.getTime();
  if (Date.parse(session.expiresAt) <= t || Date.parse(session.lastSeenAt) + idleMs() <= t) {
    await store.accounts.deleteSession(idDigest);
    return undefined;
  }
  if (t - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await store.accounts.touchSession(idDigest, now);
  return { user: session.user, csrf: session.csrf, idDigest };
}

/** Ends the request's session on the server and returns the headers that clear both cookies. */
export async function endSession(store: Store, request: Request): Promise<string[]> {
  const id = cookieValue(request.headers.get("cookie"), SESSION_COOKIE);
  if (id) await store.accounts.deleteSession(digestOf(id));
  const secure = isHttps(request);
  return [clearCookie(SESSION_COOKIE, secure, true), clearCookie(CSRF_COOKIE, secure, false)];
}
