import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { waitForMapIdle } from "./harness/browser";
import { test } from "./harness/fixtures";
import { type NextServer } from "./harness/next-server";
import { PASSWORD, seedUsers } from "./accounts-client";
import { eventBody, startServer, tempDatabase, TOKEN } from "./writes-client";

/**
 * Accounts in Chromium, on a private deployment: a shared link through the sign-in page and back,
 * a write from the page, the audit log naming the writer, a viewer without controls, the lock-out
 * message, and the header on a phone. BRIEFMAP_SCREENSHOTS_DIR=dir saves the pages as PNGs.
 */
let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const shots = process.env.BRIEFMAP_SCREENSHOTS_DIR;

beforeAll(async () => {
  db = tempDatabase();
  await seedUsers(db.file, [
    ["Ada", "admin"],
    ["Ed", "editor"],
    ["Vi", "viewer"],
    ["Lockme", "editor"],
  ]);
  server = await startServer(db.url, { BRIEFMAP_ADMIN_TOKEN: TOKEN, BRIEFMAP_PUBLIC_READ: "0", BRIEFMAP_SIGN_IN_ADDRESS_TRIES: "1000" });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  db?.remove();
});

async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  return context.newPage();
}

async function signInWithForm(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForLoadState("load"), page.click('button[type="submit"]')]);
}

/** Serious and critical accessibility problems on the page, one line each. */
async function seriousAxe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** A write from the page as writeFetch makes it: the session cookie plus the CSRF header from its cookie. */
function writeFromPage(page: Page, url: string, method: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const csrf = /(?:^|; )briefmap_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const r = await fetch(url, { method, headers: { "content-type": "application/json", "x-csrf-token": csrf }, body: JSON.stringify(body), credentials: "same-origin" });
      return r.status;
    },
    { url, method, body },
  );
}

describe("accounts in the browser", () => {
  test("a shared link goes through sign-in and back; an editor adds an event; the admin sees it in the audit log", async ({ browser }) => {
    const page = await newPage(browser);
    const shared = "/?event=paris-talks&types=diplomacy";
    await page.goto(`${server.url}${shared}`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe(shared);
    await shot(page, "sign-in-1280");
    expect(await seriousAxe(page)).toEqual([]);
    // Signed in, everything the dashboard loads (layers, events, basemap, glyphs, sprites, from the
    // page and from MapLibre's worker) carries the session: nothing is refused.
    const refused: string[] = [];
    page.on("response", (r) => {
      if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${r.url()}`);
    });
    await signInWithForm(page, "Ed");
    expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(shared);
    await waitForMapIdle(page);
    expect(refused).toEqual([]);
    await page.waitForSelector('[data-testid="event-card"][data-event-id="paris-talks"]');
    await page.waitForSelector('[data-testid="account-menu"]');
    expect(await page.textContent('[data-testid="account-menu"] summary')).toBe("Ed");

    expect(await writeFromPage(page, "/api/events", "POST", eventBody("added-in-browser"))).toBe(201);
    await page.goto(`${server.url}/?event=added-in-browser`);
    const authorship = page.locator('[data-testid="event-card"] [data-testid="authorship"]');
    await authorship.waitFor();
    expect(await authorship.textContent()).toMatch(/^Added by Ed on \d{4}-\d{2}-\d{2}$/);
    await page.click('[data-testid="account-menu"] summary');
    await shot(page, "header-menu-1280");
    // An editor's menu has no admin pages.
    expect(await page.locator('[data-testid="account-menu"] a[href="/admin/users"]').count()).toBe(0);

    await Promise.all([page.waitForURL(/\/sign-in\?signed-out=1/), page.click('[data-testid="account-menu"] button[type="submit"]')]);
    expect(await page.textContent("main")).toContain("You are signed out");
    // The old session is gone on the server: the API refuses the same browser.
    expect(await writeFromPage(page, "/api/events", "POST", eventBody("after-sign-out"))).toBe(401);

    await page.goto(`${server.url}/admin/audit`);
    await signInWithForm(page, "Ada");
    expect(new URL(page.url()).pathname).toBe("/admin/audit");
    const row = page.locator('[data-testid="audit-table"] tr', { hasText: "added-in-browser" }).first();
    expect(await row.textContent()).toContain("Ed");
    expect(await row.locator('a[href="/?event=added-in-browser"]').count()).toBe(1);
    await shot(page, "admin-audit-1280");
    expect(await seriousAxe(page)).toEqual([]);
    await page.goto(`${server.url}/admin/users`);
    expect(await page.locator('[data-testid="users-table"] tr[data-user]').count()).toBe(4);
    await shot(page, "admin-users-1280");
    expect(await seriousAxe(page)).toEqual([]);
  });

  test("a viewer reads but has no admin or editing controls, and the server refuses their writes", async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await signInWithForm(page, "Vi");
    await page.waitForSelector('[data-testid="account-menu"]');
    await page.click('[data-testid="account-menu"] summary');
    expect(await page.textContent('[data-testid="account-menu"]')).toContain("viewer");
    expect(await page.locator('[data-testid="account-menu"] a[href^="/admin/"]').count()).toBe(0);
    expect(await writeFromPage(page, "/api/events", "POST", eventBody("by-viewer-in-browser"))).toBe(403);
    await page.goto(`${server.url}/admin/users`);
    expect(await page.textContent("main")).toContain("This page is for admins");
    expect(await page.locator("button", { hasText: "New token" }).count()).toBe(0);
    expect(await page.locator('[data-testid="users-table"]').count()).toBe(0);
  });

  test("ten wrong passwords lock the account; the form says how long to wait", async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    for (let i = 0; i < 10; i++) {
      await signInWithForm(page, "Lockme", `not the password ${i}`);
      expect(await page.textContent('[data-testid="sign-in-error"]')).toBe("the user name or password is wrong");
    }
    await signInWithForm(page, "Lockme");
    expect(await page.textContent('[data-testid="sign-in-error"]')).toMatch(/^too many sign-in attempts; try again in \d+ s$/);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  test("on a phone the header with the account stays under 15 % of the screen", async ({ browser }) => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await page.goto(`${server.url}/sign-in`);
    await shot(page, "sign-in-390");
    await signInWithForm(page, "Ada");
    await page.waitForSelector('[data-testid="account-menu"]');
    const height = await page.locator("header").first().evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(844 * 0.15);
    await shot(page, "header-390");
    await page.goto(`${server.url}/admin/users`);
    await shot(page, "admin-users-390");
    await page.goto(`${server.url}/admin/audit`);
    await shot(page, "admin-audit-390");
  });
});

