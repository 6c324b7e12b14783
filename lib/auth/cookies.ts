/** The session cookie (HttpOnly: scripts never see it) and its CSRF companion (read by writeFetch). */
export const SESSION_COOKIE = "briefmap_session";
export const CSRF_COOKIE = "briefmap_csrf";
/** The header (or form field `csrf`) that must repeat the CSRF cookie on a cookie-authenticated write. */
export const CSRF_HEADER = "x-csrf-token";

/** One cookie's value from a Cookie header; the first of duplicates, undefined when absent or malformed. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Whether the request reached us over HTTPS, directly or through a proxy that says so: then the
 * cookies are Secure (a browser on plain http would drop a Secure cookie, so they are not Secure there).
 */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:";
}

type CookieOptions = { maxAgeSeconds: number; httpOnly: boolean; secure: boolean };

export function setCookie(name: string, value: string, o: CookieOptions): string {
  return [`${name}=${value}`, "Path=/", `Max-Age=${Math.max(0, Math.floor(o.maxAgeSeconds))}`, "SameSite=Lax", ...(o.httpOnly ? ["HttpOnly"] : []), ...(o.secure ? ["Secure"] : [])].join(
    "; ",
  );
}

export function clearCookie(name: string, secure: boolean, httpOnly: boolean): string {
  return setCookie(name, "", { maxAgeSeconds: 0, httpOnly, secure });
}
