import { describe, expect, it } from "vitest";
import { RequestError } from "@/lib/api/request-error";
import { nameKey, userName } from "@/lib/auth/names";
import { credentialInUrl } from "@/lib/auth/url-credentials";
import { cookieValue, isHttps, setCookie } from "@/lib/auth/cookies";
import { auditChanges } from "@/lib/auth/audit-diff";
import { safeNext } from "@/lib/auth/read-fields";
import { signInMessage } from "@/lib/auth/sign-in";

function refusal(fn: () => unknown): RequestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("user names", () => {
  it("gives look-alike, case and width variants one key", () => {
    const key = nameKey("alice");
    // Cyrillic А, full-width letters, capitals, Latin small capital-ish look-alikes.
    for (const variant of ["Alice", "ALICE", "\u0410lice", "ａｌｉｃｅ", "Ａｌｉｃｅ", "al\u0456ce"]) expect(nameKey(variant), variant).toBe(key);
    expect(nameKey("bob")).not.toBe(key);
  });

  it("keeps the name as typed (NFKC) and refuses overlong, empty, spaced, invisible and reserved names with a message naming the field", () => {
    expect(userName("ｍａｒｉａ")).toEqual({ name: "maria", key: "maria" });
    expect(userName("José.Ruiz").name).toBe("José.Ruiz");
    for (const bad of ["", "a".repeat(65), "x".repeat(10_000), "two words", "zero\u200bwidth", "tab\tname", "admin-token", "ADMIN-TOKEN", 42, null]) {
      const error = refusal(() => userName(bad));
      expect(error.status).toBe(400);
      expect(error.details.field).toBe("name");
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect(refusal(() => userName("a".repeat(65))).message).toMatch(/longer than 64/);
  });
});

describe("credentials in URLs", () => {
  const admin = "test-admin-token-0123456789abcdef";
  it("refuses token-like parameters, Briefmap tokens and the bootstrap token in any parameter", () => {
    expect(credentialInUrl(new URLSearchParams("access_token=abc"), admin)).toMatch(/Authorization: Bearer/);
    expect(credentialInUrl(new URLSearchParams("token=abc"), admin)).toMatch(/"token"/);
    expect(credentialInUrl(new URLSearchParams(`q=bm_${"A".repeat(43)}`), admin)).toMatch(/"q"/);
    expect(credentialInUrl(new URLSearchParams(`next=${admin}`), admin)).toMatch(/"next"/);
  });
  it("lets view parameters through", () => {
    expect(credentialInUrl(new URLSearchParams("q=bm_ short&types=strike&map=5/33/36"), admin)).toBeUndefined();
    expect(credentialInUrl(new URLSearchParams("q=test"), undefined)).toBeUndefined();
  });
});

describe("cookies", () => {
  it("reads one cookie and ignores malformed values", () => {
    expect(cookieValue("a=1; briefmap_session=abc_DEF-9; b=2", "briefmap_session")).toBe("abc_DEF-9");
    expect(cookieValue("briefmap_session=<script>", "briefmap_session")).toBeUndefined();
    expect(cookieValue("", "briefmap_session")).toBeUndefined();
    expect(cookieValue(`briefmap_session=${"a".repeat(500)}`, "briefmap_session")).toBeUndefined();
  });
  it("is Secure over HTTPS or behind X-Forwarded-Proto: https, and always HttpOnly-able, SameSite=Lax", () => {
    expect(isHttps(new Request("https://x.test/"))).toBe(true);
    expect(isHttps(new Request("http://x.test/", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
    expect(isHttps(new Request("http://x.test/"))).toBe(false);
    const cookie = setCookie("briefmap_session", "v", { maxAgeSeconds: 60, httpOnly: true, secure: true });
    expect(cookie).toBe("briefmap_session=v; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure");
  });
});

describe("where sign-in returns to", () => {
  it("keeps paths on this server and drops anything else", () => {
    expect(safeNext("/?event=paris-talks&map=6/33/36")).toBe("/?event=paris-talks&map=6/33/36");
    expect(safeNext("/print?paper=a3")).toBe("/print?paper=a3");
    for (const bad of ["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", "/a\nb", undefined, ""]) expect(safeNext(bad)).toBe("/");
  });
});

describe("the audit page's diff", () => {
  it("lists changed leaves by path and summarises texts and features", () => {
    const before = { id: "e", title: "Old", time: { start: "2025-08-19" }, actors: ["Syria"], text: "abc" };
    const after = { id: "e", title: "New", time: { start: "2025-08-20" }, actors: ["Syria", "Israel"], text: "abcd" };
    expect(auditChanges(before, after)).toEqual([
      { path: "title", before: "Old", after: "New" },
      { path: "time.start", before: "2025-08-19", after: "2025-08-20" },
      { path: "actors[1]", before: undefined, after: "Israel" },
      { path: "text", before: "3 characters", after: "4 characters" },
    ]);
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe("the sign-in form's messages", () => {
  it("come from a fixed list by code, never from text in the address", () => {
    expect(signInMessage("wrong", undefined)).toBe("the user name or password is wrong");
    expect(signInMessage("throttled", "840")).toBe("too many sign-in attempts; try again in 840 s");
    expect(signInMessage("throttled", "<b>soon</b>")).toBe("too many sign-in attempts; try again in a few s");
    expect(signInMessage("Your account is suspended, call +1 555", undefined)).toBeUndefined();
    expect(signInMessage("constructor", undefined)).toBeUndefined();
  });
});
