import "server-only";
import { headers } from "next/headers";

/**
 * The origin links and previews are written with: BRIEFMAP_PUBLIC_URL when the app sits behind a
 * proxy, else the host the request came to.
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.BRIEFMAP_PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  // A Host header is client-supplied; keep only what a host name can hold.
  return `${proto === "https" ? "https" : "http"}://${/^[\w.:[\]-]+$/.test(host) ? host : "localhost"}`;
}
