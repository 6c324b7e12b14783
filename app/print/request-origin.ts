import "server-only";
import { headers } from "next/headers";

/** The origin the analyst reached this server on, so that the printed link works for them. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  // A Host header is client input: keep it to what a host[:port] can be, so the link stays a link.
  const safeHost = /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? host : "localhost:3000";
  return `${proto}://${safeHost}`;
}
