import { realpathSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { NextConfig } from "next";
import { API_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";
import { BODY_LIMITS } from "./lib/api/read-body";

/**
 * Turbopack resolves packages only under its root (the folder of the nearest lockfile). A checkout
 * whose node_modules is a link to another folder (several checkouts sharing one install) needs the
 * root to hold both; with a plain node_modules this is the project folder itself.
 */
function turbopackRoot(): string {
  const project = process.cwd();
  let modules: string;
  try {
    modules = dirname(realpathSync(join(project, "node_modules")));
  } catch {
    return project;
  }
  let root = project;
  while (relative(root, modules).startsWith("..") && dirname(root) !== root) root = dirname(root);
  return root;
}

const nextConfig: NextConfig = {
  turbopack: { root: turbopackRoot() },
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
