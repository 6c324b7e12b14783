import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";
import { BODY_LIMITS } from "./lib/api/read-body";

const nextConfig: NextConfig = {
  // Tests build into their own folder so that a running `next dev` and the test suite do not collide.
  distDir: process.env.BRIEFMAP_DIST_DIR ?? ".next",
  // lib/data reads data/ at run time; keep it in the server trace.
  outputFileTracingIncludes: { "/**": ["./data/**/*"] },
  poweredByHeader: false,
  experimental: {
    // proxy.ts runs before API routes, so Next buffers request bodies (up to this size, silently
    // cutting the rest). One MB above the largest write limit: a cut body still counts as too large
    // in lib/api/read-body.ts (413), and no request holds more than this in memory.
    proxyClientMaxBodySize: BODY_LIMITS.layer + 1024 * 1024,
  },
  // The benchmark attributes shipped bytes to their sources through the maps; pages never load them.
  productionBrowserSourceMaps: process.env.BRIEFMAP_SOURCE_MAPS === "1",
  // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts; see SECURITY.md.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
