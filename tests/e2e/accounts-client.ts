import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addUser } from "@/lib/auth/manage";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";

/** Helpers for the accounts tests: users made in the store file before the server starts, and sign-in over HTTP. */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const PASSWORD = "correct horse battery staple";

export async function seedUsers(file: string, users: [name: string, role: "viewer" | "editor" | "admin"][]): Promise<void> {
  const store = openSqliteStore(file);
  try {
    for (const [name, role] of users) await addUser(store, name, role, PASSWORD);
  } finally {
    await store.close();
  }
}

export type Session = { cookie: string; csrf: string };

/** Signs in as JSON; the session's Cookie header and CSRF value, or the failed answer. */
export async function signIn(base: string, name: string, password = PASSWORD): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${name}: HTTP ${response.status} ${await response.text()}`);
  const set = response.headers.getSetCookie();
  const cookie = set.map((c) => c.split(";")[0]).join("; ");
  const csrf = /briefmap_csrf=([^;]+)/.exec(cookie)?.[1] ?? "";
  return { cookie, csrf };
}

/** Headers of a write from Briefmap's own page with this session (what writeFetch sends). */
export function sessionHeaders(base: string, s: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: s.cookie, "x-csrf-token": s.csrf, origin: base, "content-type": "application/json", ...extra };
}

/**
 * Every address the app answers, for the private-deployment crawler: each page and route under
 * app/ (dynamic segments filled with real values), every file under public/, and the app icon.
 */
export function everyRoute(fill: Record<string, string>): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry.startsWith("_")) continue; // private folders (components)
        const filled = /^\[(\w+)\]$/.exec(entry);
        walk(full, [...segments, filled ? (fill[filled[1]!] ?? "x") : entry]);
      } else if (/^(page|route)\.tsx?$/.test(entry)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(path.join(ROOT, "app"), []);
  const files: string[] = [];
  const walkPublic = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walkPublic(full, `${rel}/${entry}`);
      else files.push(`${rel}/${entry}`.split("/").map(encodeURIComponent).join("/"));
    }
  };
  walkPublic(path.join(ROOT, "public"), "");
  return [...routes, ...files, "/icon.svg", "/favicon.ico"];
}
