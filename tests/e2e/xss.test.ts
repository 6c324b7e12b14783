import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { parseQuery } from "@/lib/view/values";
import { openPage, waitForMapIdle, type OpenPageOptions } from "./harness/browser";
import { test } from "./harness/fixtures";
import { startSecondServer, type SecondServer } from "../fixtures/xss/second-server";

/**
 * Hostile data and hostile links must never run script. The data server serves
 * tests/fixtures/data/hostile (scripts/make-hostile-fixture.mjs: every free-text field of the data is
 * an XSS payload); the shared test server gets the payloads as URL parameters. Any execution sets
 * window.__xss or opens a dialog; a CSP violation shows as a console error.
 */
const PAYLOADS = readFileSync(fileURLToPath(new URL("../fixtures/xss/payloads.txt", import.meta.url)), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");
const HOSTILE_DIR = fileURLToPath(new URL("../fixtures/data/hostile", import.meta.url));
const PARAMS = ["q", "title", "event", "layers", "map"] as const;

let hostile: SecondServer;
beforeAll(async () => {
  hostile = await startSecondServer(HOSTILE_DIR);
});
afterAll(async () => {
  await hostile?.stop();
});

/** Hooks installed before any page script: dialogs and CSP violations are recorded, not shown. */
const TRAPS = () => {
  const w = window as unknown as { __dialogs: string[]; __csp: string[] };
  w.__dialogs = [];
  w.__csp = [];
  for (const name of ["alert", "confirm", "prompt", "print"] as const) {
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => void w.__dialogs.push(`${name}(${args.join(",")})`);
  }
  document.addEventListener("securitypolicyviolation", (e) => {
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  });
};

type Outcome = { xss: unknown; dialogs: string[]; csp: string[] };
const outcome = (page: Page): Promise<Outcome> =>
  page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __dialogs?: string[]; __csp?: string[] };
    return { xss: w.__xss, dialogs: w.__dialogs ?? [], csp: w.__csp ?? [] };
  });

/** Opens about:blank through the harness (so problems are recorded), arms the traps, then goes to `path`. */
async function openTrapped(baseUrl: string, path: string, options: OpenPageOptions) {
  const opened = await openPage(baseUrl, "about:blank", options);
  const dialogs: string[] = [];
  opened.page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await opened.page.addInitScript(TRAPS);
  await opened.page.goto(new URL(path, baseUrl).href, { waitUntil: "load" });
  return { ...opened, dialogs };
}

/** Glyph ranges for exotic characters in payload labels (fullwidth forms, bidi controls) may not exist offline. */
const isMissingGlyph = (failure: string) => /\/glyphs\/.*\.pbf: HTTP 404/.test(failure);

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

describe("hostile data", () => {
  test("the server renders every payload as escaped text", async () => {
    const res = await fetch(`${hostile.baseUrl}/?event=hostile-1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Report 1:"); // the hostile article is what is served
    for (const payload of PAYLOADS.filter((p) => p.includes("<"))) {
      expect(html.includes(payload), `payload verbatim in the HTML: ${payload}`).toBe(false);
    }
  });

  test("the dashboard shows hostile events, places, layers and article without running any of it", async ({ browser }) => {
    const { page, problems, dialogs } = await openTrapped(hostile.baseUrl, "/", { browser });
    await waitForMapIdle(page);

    // Select events across the list: the card shows title, summary, actors, time and place notes.
    const buttons = page.locator("button[data-event-id]");
    const count = await buttons.count();
    expect(count).toBe(PAYLOADS.length);
    for (let i = 0; i < count; i += Math.ceil(count / 12)) {
      await buttons.nth(i).click();
      await expect.poll(() => page.locator("button[data-event-id][aria-pressed=true]").count()).toBe(1);
    }
    // The selected event's title is shown as text, exactly.
    const lastIndex = Math.floor((count - 1) / Math.ceil(count / 12)) * Math.ceil(count / 12);
    const lastId = await buttons.nth(lastIndex).getAttribute("data-event-id");
    const lastTitle = PAYLOADS[Number(lastId!.replace("hostile-", "")) - 1]!;
    await expect.poll(() => page.locator("body").innerText()).toContain(lastTitle.trim().slice(0, 20));

    // Open every layer's provenance, and click over the map (features, event points).
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const canvas = page.locator("canvas.maplibregl-canvas").first();
    const box = (await canvas.boundingBox())!;
    for (const fx of [0.3, 0.5, 0.7]) {
      for (const fy of [0.3, 0.5, 0.7]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      }
    }
    // Article marks: select through the text as well.
    const marks = page.locator("mark[data-events]");
    const markCount = await marks.count();
    for (let i = 0; i < markCount; i += Math.max(1, Math.ceil(markCount / 5))) await marks.nth(i).click({ timeout: 5_000 });
    await page.waitForTimeout(500);

    const result = await outcome(page);
    expect(result).toEqual({ xss: undefined, dialogs: [], csp: [] });
    expect(dialogs).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.failedRequests.filter((f) => !isMissingGlyph(f))).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  test("hostile titles reach document.title as text", async ({ browser }) => {
    const { page, dialogs } = await openTrapped(hostile.baseUrl, "/?event=hostile-1", { browser });
    expect(await page.title()).toContain(PAYLOADS[0]);
    expect(await outcome(page)).toEqual({ xss: undefined, dialogs: [], csp: [] });
    expect(dialogs).toEqual([]);
  });

  test("the print page runs none of it", async ({ browser }) => {
    const path = `/print?event=hostile-2&title=${encodeURIComponent(PAYLOADS[0]!)}`;
    const probe = await fetch(`${hostile.baseUrl}${path}`);
    await probe.body?.cancel();
    expect(probe.status, "the print page answers").toBe(200);
    const { page, problems, dialogs } = await openTrapped(hostile.baseUrl, path, { browser });
    // The sheet must finish drawing: a print that never gets ready is a failure, not a pass.
    await page.locator('main[data-print-ready="true"]').waitFor({ state: "attached", timeout: 30_000 });
    expect(await outcome(page)).toEqual({ xss: undefined, dialogs: [], csp: [] });
    expect(dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});

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
      const q = parseQuery(PAYLOADS[i % PAYLOADS.length]!);
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
