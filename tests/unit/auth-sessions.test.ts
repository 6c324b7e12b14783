import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordMatches, hashPassword } from "@/lib/auth/passwords";
import { absoluteMs, endSession, idleMs, sessionOf, startSession } from "@/lib/auth/sessions";
import { signInThrottle } from "@/lib/auth/throttle";
import { issueToken, tokenUser } from "@/lib/auth/tokens";
import { addUser } from "@/lib/auth/manage";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store, User } from "@/lib/store/store";

/** Sessions, tokens and throttling against a real SQLite file, with the clock passed in. */
let dir: string;
let store: Store;
let user: User;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "briefmap-auth-"));
  store = openSqliteStore(path.join(dir, "store.sqlite"));
  user = await addUser(store, "Grace", "editor", "a long enough password");
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");
const request = (cookie = "") => new Request("http://briefmap.test/", { headers: { cookie } });

describe("sessions", () => {
  it("starts a session whose cookie signs in, HttpOnly and SameSite=Lax; the CSRF cookie is readable", async () => {
    const cookies = await startSession(store, user, request());
    expect(cookies[0]).toMatch(/^briefmap_session=[\w-]{43}; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly$/);
    expect(cookies[1]).toMatch(/^briefmap_csrf=[\w-]{43}; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    const signedIn = await sessionOf(store, cookieHeader(cookies));
    expect(signedIn?.user.name).toBe("Grace");
    expect(signedIn?.csrf).toBe(cookies[1]!.split(";")[0]!.split("=")[1]);
  });

  it("rotates the id at sign-in: the old cookie no longer works", async () => {
    const first = cookieHeader(await startSession(store, user, request()));
    const second = cookieHeader(await startSession(store, user, request(first)));
    expect(await sessionOf(store, first)).toBeUndefined();
    expect((await sessionOf(store, second))?.user.name).toBe("Grace");
  });

  it("ends after the idle time and after the absolute time, and a tampered id signs nobody in", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const cookie = cookieHeader(await startSession(store, user, request(), start));
    expect(await sessionOf(store, cookie, new Date(start.getTime() + idleMs() - 1000))).toBeDefined();
    const idle = cookieHeader(await startSession(store, user, request(), start));
    expect(await sessionOf(store, idle, new Date(start.getTime() + idleMs() + 1000))).toBeUndefined();
    // Used all along, still ended at the absolute limit.
    let t = start.getTime();
    const busy = cookieHeader(await startSession(store, user, request(), start));
    while (t + idleMs() / 2 < start.getTime() + absoluteMs()) {
      t += idleMs() / 2;
      expect(await sessionOf(store, busy, new Date(t))).toBeDefined();
    }
    expect(await sessionOf(store, busy, new Date(start.getTime() + absoluteMs() + 1000))).toBeUndefined();
    const tampered = cookie.replace(/briefmap_session=(.)/, (_m, c: string) => `briefmap_session=${c === "A" ? "B" : "A"}`);
    expect(await sessionOf(store, tampered)).toBeUndefined();
  });

  it("signs out on the server: the same cookie replayed afterwards signs nobody in", async () => {
    const cookie = cookieHeader(await startSession(store, user, request()));
    const cleared = await endSession(store, request(cookie));
    expect(cleared[0]).toMatch(/^briefmap_session=; .*Max-Age=0/);
    expect(await sessionOf(store, cookie)).toBeUndefined();
  });
});

describe("API tokens", () => {
  it("finds the user of a token until it is revoked; keeps only its digest", async () => {
    const { token, secret } = await issueToken(store, user, "nightly import");
    expect(secret).toMatch(/^bm_[\w-]{43}$/);
    expect((await tokenUser(store, secret))?.name).toBe("Grace");
    expect(await store.accounts.token(secret)).toBeUndefined();
    await store.accounts.revokeToken(user.id, token.id);
    expect(await tokenUser(store, secret)).toBeUndefined();
  });
});

describe("passwords", () => {
  it("are argon2id hashes that match only their password; an unknown user never matches", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwordMatches("correct horse battery", hash)).toBe(true);
    expect(await passwordMatches("correct horse batterY", hash)).toBe(false);
    expect(await passwordMatches("correct horse battery", undefined)).toBe(false);
  });
});

describe("sign-in throttle", () => {
  it("limits the tries of one address across names, and says how long to wait", () => {
    const throttle = signInThrottle();
    const now = Date.now();
    for (let i = 0; i < 30; i++) throttle.tried("10.9.9.9", now);
    expect(throttle.waitSeconds("10.9.9.9", now)).toBe(600);
    expect(throttle.waitSeconds("10.9.9.8", now)).toBe(0);
    expect(throttle.waitSeconds("10.9.9.9", now + 600_001)).toBe(0);
  });
});
