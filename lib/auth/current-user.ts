import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getStore } from "@/lib/store";
import type { User } from "@/lib/store/store";
import { ORIGINAL_URL_HEADER, publicRead, signInUrl } from "./public-read";
import { atLeast, type Role } from "./roles";
import { identify } from "./identify";
import { sessionOf } from "./sessions";

export { canWrite } from "./roles";

type Current = { user: User; csrf: string } | undefined;

/** The signed-in user of the page being rendered (one store lookup per request), with the session's CSRF value. */
export const currentSession = cache(async (): Promise<Current> => {
  const h = await headers();
  const signedIn = await sessionOf(await getStore(), h.get("cookie"));
  return signedIn && { user: signedIn.user, csrf: signedIn.csrf };
});

/** The signed-in user of the page being rendered, or undefined. For server components. */
export async function currentUser(): Promise<User | undefined> {
  return (await currentSession())?.user;
}

/**
 * For pages: on a private deployment, sends a signed-out reader to the sign-in page (proxy.ts does
 * it first; this holds even for a request the proxy did not see).
 */
export async function requireReader(): Promise<User | undefined> {
  const user = await currentUser();
  if (!user && !publicRead()) await toSignIn();
  return user;
}

/**
 * For pages that need a role (the admin pages): signed out → the sign-in page; signed in below
 * the role → `allowed: false` (the page says so; the server refuses the writes anyway).
 */
export async function requireRole(needed: Role): Promise<{ user: User; allowed: boolean }> {
  const user = await currentUser();
  if (!user) return toSignIn();
  return { user, allowed: atLeast(user.role, needed) };
}

async function toSignIn(): Promise<never> {
  const original = (await headers()).get(ORIGINAL_URL_HEADER) ?? "/";
  redirect(signInUrl(original));
}

/**
 * For pages whose purpose is a write (adding an article, reviewing drafts, importing): whether the
 * visitor may use it, so that nobody is handed a form the server would refuse. Identified as the
 * API identifies a write: a session cookie, or a Bearer token for scripts.
 */
export async function pageWriter(needed: Role = "editor"): Promise<{ allowed: boolean; signedIn: boolean; name?: string; role?: Role; original: string }> {
  const h = await headers();
  const original = h.get(ORIGINAL_URL_HEADER) ?? "/";
  let caller: Awaited<ReturnType<typeof identify>>;
  try {
    caller = await identify(new Request("http://page.invalid/", { headers: new Headers(h) }), await getStore());
  } catch {
    caller = undefined; // a bad or revoked token: treated as signed out, the page says what is needed
  }
  if (!caller) return { allowed: false, signedIn: false, original };
  return { allowed: atLeast(caller.role, needed), signedIn: true, name: caller.actor, role: caller.role, original };
}
