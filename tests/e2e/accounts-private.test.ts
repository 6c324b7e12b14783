import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NextServer } from "./harness/next-server";
import { everyRoute, PASSWORD, seedUsers } from "./accounts-client";
import { startServer, tempDatabase, TOKEN } from "./writes-client";

/**
 * A private deployment (BRIEFMAP_PUBLIC_READ=0): a crawler with no cookie requests every route of
 * the app, every file under public/ and the basemap, as a browser page load, as a router prefetch
 * and as a plain fetch, and checks that no answer carries anything of the data.
 */
let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const base = () => server.url;

/** Words only the data holds (article, events, layers, basemap, glyphs, fonts). */
const MARKERS = ["Paris", "Golan", "Suwayda", "UNDOF", "FeatureCollection", "paris-talks", "Noto", "Natural Earth", "coordinates", "syria-israel"];
/** Addresses a signed-out visitor may still reach: the way in, and the tab icon. */
const OPEN = new Set(["/sign-in", "/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/me", "/icon.svg", "/favicon.ico"]);

/** Next answers same-origin redirects with a path; either form must lead to this server's sign-in page. */
function signInRedirect(response: Response): boolean {
  const location = response.headers.get("location");
  return !!location && new URL(location, base()).href.startsWith(`${base()}/sign-in`);
}

beforeAll(async () => {
  db = tempDatabase();
  await seedUsers(db.file, [["Ada", "admin"]]);
  server = await startServer(db.url, { BRIEFMAP_ADMIN_TOKEN: TOKEN, BRIEFMAP_PUBLIC_READ: "0" });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  db?.remove();
});

describe("a private deployment, signed out", () => {
  const routes = everyRoute({ id: "paris-talks", file: "NotoNaskhArabic-Regular.ttf", name: "Ada" });

  it("finds the routes to crawl (pages, API, preview, print, fonts, basemap, public files)", () => {
    for (const expected of ["/", "/print", "/preview", "/api/events", "/api/layers/paris-talks", "/basemap/world", "/admin/audit", "/sign-in"]) expect(routes).toContain(expected);
    expect(routes.filter((r) => r.startsWith("/basemap/glyphs/")).length).toBeGreaterThan(10);
  });

  it("leaks nothing on any of them, as a page load, a prefetch or a fetch", async () => {
    const kinds: Record<string, Record<string, string>> = {
      page: { accept: "text/html,application/xhtml+xml" },
      prefetch: { accept: "*/*", rsc: "1", "next-router-prefetch": "1" },
      fetch: { accept: "*/*" },
    };
    const problems: string[] = [];
    for (const route of [...routes, "/?event=paris-talks", "/api/events?bbox=30,30,40,40", "/print?paper=a3", "/api/events/digest", "/api/events/view"]) {
      for (const [kind, headers] of Object.entries(kinds)) {
        let response = await fetch(`${base()}${route}`, { headers, redirect: "manual" });
        // Next answers a router request that lacks its cache-busting `_rsc` query with a redirect
        // to the same address plus `_rsc`; that redirect carries nothing, so follow it once.
        const cacheBust = response.status === 307 ? new URL(response.headers.get("location") ?? "", base()) : undefined;
        if (cacheBust?.searchParams.has("_rsc") && cacheBust.pathname === route.split("?")[0]) response = await fetch(cacheBust, { headers, redirect: "manual" });
        // The redirect's own text may repeat the address asked for; that is not the data.
        const location = response.headers.get("location") ?? "";
        const body = Buffer.from(await response.arrayBuffer()).toString("latin1").replaceAll(location, "").replaceAll(encodeURIComponent(route), "");
        const where = `${kind} ${route}: ${response.status}`;
        if (response.status >= 500) problems.push(`${where} (server error)`);
        const leaked = MARKERS.filter((m) => body.includes(m));
        const path = route.split("?")[0]!;
        if (OPEN.has(path)) {
          if (leaked.length) problems.push(`${where} carries ${leaked.join(", ")}`);
          continue;
        }
        if (kind === "page" && !path.startsWith("/api/")) {
          if (response.status !== 307 || !signInRedirect(response)) problems.push(`${where}, expected a redirect to /sign-in`);
        } else if (response.status !== 401 && !(response.status === 307 && signInRedirect(response))) {
          problems.push(`${where}, expected 401`);
        }
        if (leaked.length) problems.push(`${where} carries ${leaked.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("sends a page to sign-in with the whole address, and the sign-in brings the colleague back to it", async () => {
    const shared = "/?event=paris-talks&map=7.5/33.1/35.9&types=diplomacy";
    const first = await fetch(`${base()}${shared}`, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(first.status).toBe(307);
    const location = new URL(first.headers.get("location")!, base());
    expect(location.origin + location.pathname).toBe(`${base()}/sign-in`);
    // The same address (Next may re-encode "/" in the query as %2F: the same values).
    const next = location.searchParams.get("next")!;
    const sameView = (a: string) => Object.fromEntries(new URL(a, base()).searchParams);
    expect(new URL(next, base()).pathname).toBe("/");
    expect(sameView(next)).toEqual(sameView(shared));
    const form = new URLSearchParams({ name: "Ada", password: PASSWORD, next });
    const signedIn = await fetch(`${base()}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base() },
      body: form,
      redirect: "manual",
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe(next);
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const page = await fetch(`${base()}${shared}`, { headers: { accept: "text/html", cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Paris");
    const api = await fetch(`${base()}/api/layers`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const glyphs = await fetch(`${base()}/basemap/glyphs/Noto%20Sans%20Regular/0-255.pbf`, { headers: { cookie } });
    expect(glyphs.status).toBe(200);
  });

  it("reads with a bearer token instead of a cookie; a wrong one is 401", async () => {
    expect((await fetch(`${base()}/api/layers`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${base()}/api/layers`, { headers: { authorization: "Bearer bm_not-a-real-token-000000000000000000000000" } })).status).toBe(401);
  });
});
