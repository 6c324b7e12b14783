import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * How Briefmap's scripts (the snapshot CLI, the benchmarks) and its end-to-end tests find and start
 * Chromium: one place, so that they never drift apart.
 */

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Flags measured to give working WebGL2 (SwiftShader) as root, and no background traffic into the
 * closed network (see ENVIRONMENT.md). No --user-data-dir here: Playwright refuses it in `args`, and
 * `chromium.launch()` already passes a fresh mkdtemp profile that it deletes on `browser.close()`.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** CHROME_PATH, else the first Chromium or Chrome found in the usual Debian places. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found (looked for ${CHROMIUM_CANDIDATES.join(", ")}). ` +
        "Install it with `apt-get update && apt-get install -y chromium`, or set CHROME_PATH to a Chromium/Chrome binary. " +
        "(Playwright's own browser download does not work offline.)",
    );
  }
  return found;
}

/** A headless Chromium with the flags above; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
}
