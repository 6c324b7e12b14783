import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startNextServer, type NextServer } from "./harness/next-server";

/** Helpers shared by the write-API tests: a server of one's own on a fresh SQLite file, and bodies. */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST_DIR = process.env.BRIEFMAP_TEST_DIST_DIR ?? ".next-test";
export const TOKEN = "test-admin-token-0123456789abcdef";
export const ARTICLE = "syria-israel-paris-talks-2025-08-20";
export const ARTICLE_TEXT = readFileSync(path.join(ROOT, "data/articles", `${ARTICLE}.txt`), "utf8");

/** A fresh folder for a database file, removed by the returned function. */
export function tempDatabase(): { url: string; file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "briefmap-writes-"));
  const file = path.join(dir, "store.sqlite");
  return { url: `file:${file}`, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startServer(databaseUrl: string, env: Record<string, string> = { BRIEFMAP_ADMIN_TOKEN: TOKEN }): Promise<NextServer> {
  return startNextServer({ distDir: DIST_DIR, env: { BRIEFMAP_DATABASE_URL: databaseUrl, ...env }, readyTimeoutMs: 90_000 });
}

/** `body` is whatever JSON came back (typed as `Response.json()` types it). */
export type Answer = { status: number; headers: Headers; body: Awaited<ReturnType<Response["json"]>> };

/** A request with the admin token (unless `token: null`) and a JSON body (unless `raw` is given). */
export async function call(
  base: string,
  method: string,
  url: string,
  { body, raw, type = "application/json", token = TOKEN, headers = {} }: { body?: unknown; raw?: string; type?: string | null; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const all: Record<string, string> = { ...headers };
  if (token !== null) all.authorization = `Bearer ${token}`;
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined && type !== null) all["content-type"] = type;
  const response = await fetch(`${base}${url}`, { method, headers: all, body: payload });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text for the assertion message */
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The span of a sentence of the seed article, found by its opening words. */
export function sentence(opening: string): { start: number; end: number; quote: string } {
  const start = ARTICLE_TEXT.indexOf(opening);
  if (start < 0) throw new Error(`"${opening}" is not in the seed article`);
  const end = ARTICLE_TEXT.indexOf(".", start) + 1;
  return { start, end, quote: ARTICLE_TEXT.slice(start, end) };
}

/** A valid event of the seed article in the data/ form, every default written out. */
export function eventBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    article: ARTICLE,
    title: "Syria confirms talks",
    summary: "Syria confirmed that its foreign minister met Israeli officials.",
    type: "statement",
    actors: ["Syria"],
    time: { phrase: "on Tuesday", precision: "day", start: "2025-08-19", end: "2025-08-19", bound: "exact" },
    where: { name: "Damascus", point: [36.2765, 33.5138] },
    about: [],
    geoPrecision: "city",
    sources: [sentence("Syria confirmed on Tuesday")],
    ...overrides,
  };
}

export function articleBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: "A test article",
    publisher: "Test Wire",
    published: "2025-09-01",
    language: "en",
    text: "Officials met in Geneva on Monday. They agreed to meet again.",
    ...overrides,
  };
}

/** A one-square layer (counter-clockwise ring, RFC 7946) with full provenance. */
export function layerBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: "Test square",
    description: "A square drawn for a test.",
    role: "overlay",
    defaultVisible: false,
    order: 50,
    labelProperty: "name",
    style: { color: "#336699", dashed: false, fillOpacity: 0.25 },
    provenance: { source: "Drawn by hand", licence: "CC0", attribution: "Test", date: "2025-09-01", accuracy: "Exact for the test", approximate: false },
    data: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          id: "square",
          properties: { name: "Square" },
          geometry: { type: "Polygon", coordinates: [[[36, 33], [36.1, 33], [36.1, 33.1], [36, 33.1], [36, 33]]] },
        },
      ],
    },
    ...overrides,
  };
}

/** The newest audit entry's id: a write that happened (even half-way) would change it. */
export async function lastAuditId(base: string): Promise<number> {
  const { status, body } = await call(base, "GET", "/api/audit?limit=1");
  if (status !== 200) throw new Error(`GET /api/audit answered ${status}: ${JSON.stringify(body)}`);
  return body.entries[0]?.id ?? 0;
}
