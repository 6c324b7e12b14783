"use client";

import { CSRF_COOKIE, CSRF_HEADER } from "@/lib/auth/cookies";

/** The session's CSRF value, from its (script-readable) cookie; undefined when signed out. */
export function csrfToken(): string | undefined {
  if (typeof document === "undefined") return undefined;
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return rest.join("=") || undefined;
  }
  return undefined;
}

/**
 * fetch() for Briefmap's write routes from its own pages: sends the session cookie and repeats the
 * session's CSRF value in the `x-csrf-token` header, which the server requires on every
 * cookie-authenticated write (POST, PUT, PATCH, DELETE). Same arguments and answer as fetch().
 */
export function writeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = csrfToken();
  if (token && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, token);
  return fetch(input, { ...init, headers, credentials: "same-origin" });
}
