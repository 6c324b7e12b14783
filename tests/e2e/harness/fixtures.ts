import type { Browser } from "playwright-core";
import { inject, test as base } from "vitest";
import { launchBrowser } from "./browser";

/**
 * `test` with a per-test `browser` (closed when the test ends, pass or fail) and the server's `baseUrl`.
 * Usage: `test("…", async ({ browser, baseUrl }) => { await openPage(baseUrl, "/", { browser }) })`.
 */
export const test = base.extend<{ browser: Browser; baseUrl: string }>({
  // `run` rather than vitest's usual `use`, which the React hooks lint rule mistakes for React.use.
  browser: async ({}, run) => {
    const browser = await launchBrowser();
    try {
      await run(browser);
    } finally {
      await browser.close();
    }
  },
  baseUrl: async ({}, run) => {
    await run(inject("baseUrl"));
  },
});
