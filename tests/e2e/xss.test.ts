import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { readQuery, valueOr } from "@/lib/view/values";
import { test } from "./harness/fixtures";
import { describeHostileData, openTrapped, outcome, PAYLOADS } from "../fixtures/xss/hostile-data-suite";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * Hostile data and hostile links must never run script. The data server serves
 * tests/fixtures/data/hostile (scripts/make-hostile-fixture.mjs: every free-text field of the data is
 * an XSS payload); the shared test server gets the payloads as URL parameters. Any execution sets
 * window.__xss or opens a dialog; a CSP violation shows as a console error.
 */
const HOSTILE_DIR = fileURLToPath(new URL("../fixtures/data/hostile", import.meta.url));
const PARAMS = ["q", "title", "event", "layers", "map"] as const;

let hostile: SecondServer;
beforeAll(async () => {
  hostile = await startSecondServer(HOSTILE_DIR);
});
afterAll(async () => {
  await hostile?.stop();
});

describe("security headers", () => {
  test("pages carry a nonce-based CSP that Next's own scripts follow", async ({ baseUrl }) => {
    const res = await fetch(`${baseUrl}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "connect-src 'self'", "worker-src 'self' blob:"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:\/\//); // no remote origins
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every script Next writes carries the nonce").toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = (await fetch(`${baseUrl}/`)).headers.get("content-security-policy") ?? "";
    expect(again).not.toBe(csp);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  test("the 404 page is rendered per request: its scripts carry that request's nonce", async ({ baseUrl }) => {
    const res = await fetch(`${baseUrl}/no-such-page`);
    expect(res.status).toBe(404);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(nonce).toBeTruthy();
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test.for(["/api/layers", "/api/events?bbox=1,2", "/api/layers/nope", "/api/articles/nope"])("%s carries the API's CSP and headers", async (path, { baseUrl }) => {
    const res = await fetch(`${baseUrl}${path}`);
    await res.body?.cancel();
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("content-type")).toMatch(/json/);
  });
});

describeHostileData("hostile data", () => hostile);

describe("hostile links", () => {
  const linkFor = (i: number) => {
    const params = new URLSearchParams();
    PARAMS.forEach((name, k) => params.set(name, PAYLOADS[(i + k) % PAYLOADS.length]!));
    return `/?${params}`;
  };

  test("every payload in every view parameter is answered with escaped HTML", async () => {
    const base = inject("baseUrl");
    for (let i = 0; i < PAYLOADS.length; i++) {
      const res = await fetch(`${base}${linkFor(i)}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (let k = 0; k < PARAMS.length; k++) {
        const payload = PAYLOADS[(i + k) % PAYLOADS.length]!;
        if (payload.includes("<")) expect(html.includes(payload), `payload verbatim in the HTML for ${PARAMS[k]}: ${payload}`).toBe(false);
      }
    }
  });

  // Five parameters per link and every fifth link: each payload is loaded in the browser once (the
  // HTML test above checks every payload in every parameter). ~30 page loads keep this under a minute.
  test("no payload runs in the browser; the text filter shows it as text", async ({ browser, baseUrl }) => {
    const { page, problems, dialogs } = await openTrapped(baseUrl, "/", { browser });
    const bad: string[] = [];
    for (let i = 0; i < PAYLOADS.length; i += PARAMS.length) {
      await page.goto(new URL(linkFor(i), baseUrl).href, { waitUntil: "load" });
      const result = await outcome(page);
      if (result.xss !== undefined || result.dialogs.length || result.csp.length) bad.push(`${linkFor(i)}: ${JSON.stringify(result)}`);
      const q = valueOr(readQuery(PAYLOADS[i % PAYLOADS.length]!));
      if (q !== null) {
        const shown = await page.locator('input[type="search"]').first().inputValue();
        if (shown !== q) bad.push(`q shown as ${JSON.stringify(shown)}, expected ${JSON.stringify(q)}`);
      }
    }
    await page.waitForTimeout(300);
    expect(bad).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });
});
