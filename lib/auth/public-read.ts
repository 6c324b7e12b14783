/**
 * BRIEFMAP_PUBLIC_READ: "1" (the default) lets anyone read; "0" (or false/off/no) asks for sign-in
 * on every page, API route, preview, print and static data file.
 */
export function publicRead(): boolean {
  const value = (process.env.BRIEFMAP_PUBLIC_READ ?? "1").trim().toLowerCase();
  return !["0", "false", "off", "no"].includes(value);
}

/** What a signed-out client may still reach on a private deployment: the way in, and the tab icon. */
export function openWithoutSignIn(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    pathname === "/api/auth/sign-in" ||
    pathname === "/api/auth/sign-out" ||
    pathname === "/api/auth/me" ||
    pathname === "/icon.svg" ||
    pathname === "/favicon.ico"
  );
}

/** The request header proxy.ts passes the original path and query in, for server-side checks. */
export const ORIGINAL_URL_HEADER = "x-briefmap-original-url";

/** The sign-in page's address that brings the reader back to `original` (path and query) afterwards. */
export function signInUrl(original: string): string {
  return original && original !== "/" ? `/sign-in?${new URLSearchParams({ next: original })}` : "/sign-in";
}
