import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NextServer } from "./harness/next-server";
import { PASSWORD, seedUsers, sessionHeaders, signIn, type Session } from "./accounts-client";
import { call, eventBody, startServer, tempDatabase, TOKEN } from "./writes-client";

/**
 * Accounts over HTTP on a server of its own: sign-in, roles on every write, CSRF, lock-out, API
 * tokens, and the refusals of bad input. Never a 500 for anything sent here.
 */
let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const statuses: number[] = [];
const base = () => server.url;

async function send(method: string, url: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${base()}${url}`, {
    method,
    headers: init.headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
  statuses.push(response.status);
  const text = await response.text();
  let body: { error?: { message?: string; field?: string; param?: string } } & Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

beforeAll(async () => {
  db = tempDatabase();
  await seedUsers(db.file, [
    ["Ada", "admin"],
    ["Ed", "editor"],
    ["Vi", "viewer"],
    ["Lockme", "editor"],
  ]);
  server = await startServer(db.url, { BRIEFMAP_ADMIN_TOKEN: TOKEN, BRIEFMAP_SIGN_IN_ADDRESS_TRIES: "1000" });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  db?.remove();
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
});

describe("signed in with a session", () => {
  let ed: Session;
  beforeAll(async () => {
    ed = await signIn(base(), "Ed");
  });

  it("an editor adds an event; the audit log and the authorship line name the editor", async () => {
    const created = await send("POST", "/api/events", { headers: sessionHeaders(base(), ed), body: eventBody("added-by-ed") });
    expect(created.status).toBe(201);
    const audit = await call(base(), "GET", "/api/audit?entity=event&id=added-by-ed");
    expect(audit.body.entries[0]).toMatchObject({ actor: "Ed", action: "create", entityId: "added-by-ed" });
    const authorship = await send("GET", "/api/auth/authorship?entity=event&id=added-by-ed", { headers: { cookie: ed.cookie } });
    expect(authorship.body).toMatchObject({ added: { by: "Ed" } });
    expect((await send("GET", "/api/auth/me", { headers: { cookie: ed.cookie } })).body).toMatchObject({ user: { name: "Ed", role: "editor" }, via: "session" });
  });

  it("a viewer's write is refused with 403 naming the role, and nothing is written", async () => {
    const vi = await signIn(base(), "Vi");
    const refused = await send("POST", "/api/events", { headers: sessionHeaders(base(), vi), body: eventBody("by-viewer") });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/viewer.*editor/);
    expect((await send("GET", "/api/events/by-viewer")).status).toBe(404);
  });

  it("deleting needs an admin: an editor gets 403, an admin's session deletes", async () => {
    await send("POST", "/api/events", { headers: sessionHeaders(base(), ed), body: eventBody("to-delete") });
    const byEditor = await send("DELETE", "/api/events/to-delete", { headers: sessionHeaders(base(), ed) });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error?.message).toMatch(/admin/);
    const ada = await signIn(base(), "Ada");
    expect((await send("DELETE", "/api/events/to-delete", { headers: sessionHeaders(base(), ada) })).status).toBe(204);
  });

  it("an editor may reject (delete) a drafted event awaiting review, and nothing else", async () => {
    const draft = { ...eventBody("draft-to-reject"), review: { status: "unreviewed", method: "extracted" } };
    expect((await send("POST", "/api/events", { headers: sessionHeaders(base(), ed), body: draft })).status).toBe(201);
    expect((await call(base(), "GET", "/api/events?review=unreviewed")).body.features.map((f: { id: string }) => f.id)).toContain("draft-to-reject");
    expect((await send("DELETE", "/api/events/draft-to-reject", { headers: sessionHeaders(base(), ed) })).status).toBe(204);
    expect((await call(base(), "GET", "/api/events/draft-to-reject")).status).toBe(404);
  });

  it("refuses a forged cross-site write: another Origin, a cross-site fetch, or no CSRF token", async () => {
    const forged = [
      sessionHeaders(base(), ed, { origin: "https://evil.example" }),
      sessionHeaders(base(), ed, { "sec-fetch-site": "cross-site" }),
      { cookie: ed.cookie, origin: base(), "content-type": "application/json" },
      sessionHeaders(base(), ed, { "x-csrf-token": "A".repeat(43) }),
      { cookie: ed.cookie, "x-csrf-token": ed.csrf, "content-type": "application/json" },
    ];
    for (const headers of forged) {
      const answer = await send("POST", "/api/events", { headers, body: eventBody("forged") });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error?.message).toMatch(/refused/);
    }
    expect((await send("GET", "/api/events/forged")).status).toBe(404);
  });

  it("a write with no session and no token is 401", async () => {
    const answer = await send("POST", "/api/events", { headers: { "content-type": "application/json", origin: base() }, body: eventBody("anonymous") });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("a tampered cookie and a session replayed after sign-out are 401", async () => {
    const mine = await signIn(base(), "Ed");
    const tampered = { ...mine, cookie: mine.cookie.replace(/briefmap_session=([^;])/, (_m, c: string) => `briefmap_session=${c === "x" ? "y" : "x"}`) };
    expect((await send("POST", "/api/events", { headers: sessionHeaders(base(), tampered), body: eventBody("tampered") })).status).toBe(401);
    const out = await send("POST", "/api/auth/sign-out", { headers: { cookie: mine.cookie, origin: base(), "x-csrf-token": mine.csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join("\n")).toMatch(/briefmap_session=;.*Max-Age=0/);
    expect((await send("POST", "/api/events", { headers: sessionHeaders(base(), mine), body: eventBody("replayed") })).status).toBe(401);
    expect((await send("GET", "/api/auth/me", { headers: { cookie: mine.cookie } })).body).toEqual({ user: null });
  });

  it("rotates the session at sign-in and sets HttpOnly, SameSite=Lax cookies (Secure behind HTTPS)", async () => {
    const plain = await fetch(`${base()}/api/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json", origin: base() }, body: JSON.stringify({ name: "Ed", password: PASSWORD }) });
    const session = plain.headers.getSetCookie().find((c) => c.startsWith("briefmap_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const old = session.split(";")[0]!;
    const behindHttps = await fetch(`${base()}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base(), "x-forwarded-proto": "https", cookie: old },
      body: JSON.stringify({ name: "Ed", password: PASSWORD }),
    });
    const secure = behindHttps.headers.getSetCookie().find((c) => c.startsWith("briefmap_session="))!;
    expect(secure).toMatch(/; Secure/);
    expect(secure.split(";")[0]).not.toBe(old);
    expect((await send("GET", "/api/auth/me", { headers: { cookie: old } })).body).toEqual({ user: null });
  });
});

describe("API tokens", () => {
  it("an admin makes a token for an editor; it writes as the editor until revoked", async () => {
    const ada = await signIn(base(), "Ada");
    const made = await send("POST", "/api/users/Ed/tokens", { headers: sessionHeaders(base(), ada), body: { label: "nightly import" } });
    expect(made.status).toBe(201);
    const secret = made.body.secret as string;
    const listed = await send("GET", "/api/users/Ed/tokens", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.tokens).toEqual([expect.objectContaining({ label: "nightly import" })]);
    const written = await send("POST", "/api/events", { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: eventBody("by-token") });
    expect(written.status).toBe(201);
    expect((await call(base(), "GET", "/api/audit?id=by-token")).body.entries[0].actor).toBe("Ed");
    const id = (made.body.token as { id: number }).id;
    expect((await send("DELETE", `/api/users/Ed/tokens/${id}`, { headers: sessionHeaders(base(), ada) })).status).toBe(204);
    const revoked = await send("POST", "/api/events", { headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: eventBody("after-revoke") });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.message).toMatch(/revoked/);
    const accountLog = await call(base(), "GET", "/api/audit?entity=user&id=Ed");
    expect(accountLog.body.entries.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`)).toEqual(["Ada replace", "Ada replace"]);
    expect(JSON.stringify(accountLog.body)).not.toContain(secret);
  });

  it("a token in the URL is refused with 400, on the API and on pages", async () => {
    for (const url of [`/api/events?access_token=${TOKEN}`, `/api/layers?token=abc`, `/?q=${TOKEN}`, `/api/events?q=bm_${"a".repeat(43)}`]) {
      const answer = await send("GET", url);
      expect(answer.status, url).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/Authorization/);
    }
  });

  it("the bootstrap token still writes, as admin-token", async () => {
    const answer = await call(base(), "POST", "/api/events", { body: eventBody("by-bootstrap") });
    expect(answer.status).toBe(201);
    expect((await call(base(), "GET", "/api/audit?id=by-bootstrap")).body.entries[0].actor).toBe("admin-token");
  });
});

describe("sign-in protection", () => {
  it("ten wrong passwords lock the name: then even the right one gets 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await send("POST", "/api/auth/sign-in", { headers: { "content-type": "application/json", origin: base() }, body: { name: "Lockme", password: `wrong password ${i}` } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error?.message).toBe("the user name or password is wrong");
    }
    const locked = await send("POST", "/api/auth/sign-in", { headers: { "content-type": "application/json", origin: base() }, body: { name: "Lockme", password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(locked.body.error?.message).toMatch(/^too many sign-in attempts; try again in \d+ s$/);
  });

  it("an unknown name gets the same answers as a wrong password, up to the same lock", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) {
      const a = await send("POST", "/api/auth/sign-in", { headers: { "content-type": "application/json", origin: base() }, body: { name: "nobody-here", password: `guess number ${i}` } });
      answers.push(`${a.status} ${a.body.error?.message?.replace(/\d+ s$/, "N s")}`);
    }
    expect(answers.slice(0, 10).every((a) => a === "401 the user name or password is wrong")).toBe(true);
    expect(answers[10]).toBe("429 too many sign-in attempts; try again in N s");
  });

  it("signs a look-alike of a name in to the same account; an admin cannot add a look-alike user", async () => {
    const me = await signIn(base(), "\u0415d"); // Cyrillic Е
    expect((await send("GET", "/api/auth/me", { headers: { cookie: me.cookie } })).body).toMatchObject({ user: { name: "Ed" } });
    const clash = await send("POST", "/api/users", { headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: { name: "ＡＤＡ", role: "viewer", password: PASSWORD } });
    expect(clash.status).toBe(409);
    expect(clash.body.error?.message).toMatch(/looks the same/);
  });

  it("refuses overlong names and passwords, and bad account input, with the field named", async () => {
    const json = { "content-type": "application/json", origin: base() };
    const longName = await send("POST", "/api/auth/sign-in", { headers: json, body: { name: "n".repeat(5000), password: PASSWORD } });
    expect([longName.status, longName.body.error?.field]).toEqual([400, "name"]);
    const longPassword = await send("POST", "/api/auth/sign-in", { headers: json, body: { name: "Ed", password: "p".repeat(5000) } });
    expect([longPassword.status, longPassword.body.error?.field]).toEqual([400, "password"]);
    const huge = await send("POST", "/api/auth/sign-in", { headers: json, body: { name: "Ed", password: "p".repeat(100_000) } });
    expect(huge.status).toBe(413);
    const admin = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
    for (const [body, field] of [
      [{ name: "a".repeat(65), role: "viewer", password: PASSWORD }, "name"],
      [{ name: "with space", role: "viewer", password: PASSWORD }, "name"],
      [{ name: "ok-name", role: "superuser", password: PASSWORD }, "role"],
      [{ name: "ok-name", role: "viewer", password: "short" }, "password"],
      [{ name: "ok-name", role: "viewer", password: "p".repeat(300) }, "password"],
    ] as const) {
      const answer = await send("POST", "/api/users", { headers: admin, body });
      expect([answer.status, answer.body.error?.field], JSON.stringify(body).slice(0, 80)).toEqual([400, field]);
    }
    const notJson = await fetch(`${base()}/api/auth/sign-in`, { method: "POST", headers: json, body: "{oops" });
    expect(notJson.status).toBe(400);
  });

  it("account management is for admins: an editor's session gets 403", async () => {
    const ed = await signIn(base(), "Ed");
    expect((await send("GET", "/api/users", { headers: { cookie: ed.cookie } })).status).toBe(403);
    expect((await send("POST", "/api/users", { headers: sessionHeaders(base(), ed), body: { name: "mallory", role: "admin", password: PASSWORD } })).status).toBe(403);
    expect((await send("GET", "/api/audit", { headers: { cookie: ed.cookie } })).status).toBe(403);
  });
});
