/**
 * Briefmap's security headers, defined once: proxy.ts stamps the page CSP (with a per-request nonce)
 * and next.config.ts adds the static headers to every response. See SECURITY.md.
 */

export type CspOptions = {
  /** `next dev` only: React rebuilds server error stacks with eval in development. */
  dev?: boolean;
};

/** A fresh, unguessable nonce per request: 16 random bytes, base64 (fits CSP's nonce-source). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The Content-Security-Policy of every HTML page. Scripts run only with this request's nonce (Next
 * stamps its own scripts with it) or when loaded by such a script ('strict-dynamic'). Inline styles
 * stay allowed: React `style` props and MapLibre set element styles, and adding a nonce to style-src
 * would make browsers ignore 'unsafe-inline'. Nothing is loaded from another origin.
 */
export function pageCsp(nonce: string, { dev = false }: CspOptions = {}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // MapLibre fetches tiles, glyphs and layers from this origin; its worker is a same-origin file
    // (setWorkerUrl) and it may also start workers from blob: URLs.
    ["connect-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["child-src", "'self'", "blob:"],
    ["frame-src", "'none'"],
    ["media-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** API answers are data, never documents: nothing may run or load in them if opened directly. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers that every response carries (pages, API, static files). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), " +
      "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
