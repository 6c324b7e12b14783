import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests build into their own folder so that a running `next dev` and the test suite do not collide.
  distDir: process.env.BRIEFMAP_DIST_DIR ?? ".next",
  // lib/data reads data/ at run time; keep it in the server trace.
  outputFileTracingIncludes: { "/**": ["./data/**/*"] },
  poweredByHeader: false,
};

export default nextConfig;
