import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Tests build into their own folder so that a running `next dev` and the test suite do not collide.
  distDir: process.env.BRIEFMAP_DIST_DIR ?? ".next",
  // lib/data reads data/ at run time; keep it in the server trace.
  outputFileTracingIncludes: { "/**": ["./data/**/*"] },
  poweredByHeader: false,
  // A checkout whose node_modules is a link to another folder builds with a root that holds both (e.g. /work).
  ...(process.env.BRIEFMAP_TURBOPACK_ROOT ? { turbopack: { root: process.env.BRIEFMAP_TURBOPACK_ROOT } } : {}),
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
