import { DEFAULT_PRINT, PRINT_KEYS } from "./print-params";
import { DPIS, ORIENTATIONS, PAPERS } from "./paper";

export type PrintFlags = { paper?: string; orientation?: string; dpi?: string; title?: string; list?: string };

export class UsageError extends Error {}

/**
 * Turns a view link (the dashboard's `/?…`, or a `/print?…` link) into the print page URL on the
 * same server: view params kept, print params from the flags, else from the link, else defaults.
 */
export function printUrlFor(link: string, flags: PrintFlags): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new UsageError(`--url ${JSON.stringify(link)} is not a URL; give the view link, e.g. "http://localhost:3000/?map=8/33/35.9&event=paris-talks".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url must be an http(s) link to Briefmap, not ${url.protocol}`);
  }
  const checks: [keyof PrintFlags, readonly (string | number)[]][] = [["paper", PAPERS], ["orientation", ORIENTATIONS], ["dpi", DPIS], ["list", ["0", "1"]]];
  for (const [flag, allowed] of checks) {
    const value = flags[flag];
    if (value !== undefined && !allowed.map(String).includes(value)) {
      throw new UsageError(`--${flag} ${JSON.stringify(value)}: expected one of ${allowed.join(", ")}`);
    }
  }
  const print = new URL("/print", url.origin);
  for (const [key, value] of url.searchParams) print.searchParams.append(key, value);
  for (const key of PRINT_KEYS) {
    const value = flags[key];
    if (value !== undefined) print.searchParams.set(key, value);
  }
  if (!print.searchParams.has("paper")) print.searchParams.set("paper", DEFAULT_PRINT.paper);
  if (!print.searchParams.has("orientation")) print.searchParams.set("orientation", DEFAULT_PRINT.orientation);
  if (!print.searchParams.has("dpi")) print.searchParams.set("dpi", String(DEFAULT_PRINT.dpi));
  return print;
}
