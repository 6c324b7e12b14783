import { z } from "zod";

/**
 * zod 4 probes for `new Function` the first time an object schema parses (to compile fast parsers).
 * Under Briefmap's CSP (no 'unsafe-eval') the probe is refused: harmless, since zod catches it, but
 * every page then reports a `script-src eval` CSP violation. Jitless mode skips the probe.
 * Import this module once before any schema parses in the browser (e.g. from lib/data/schema.ts).
 */
z.config({ jitless: true });
