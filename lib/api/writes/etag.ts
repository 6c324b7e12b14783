import { RequestError } from "../request-error";

/**
 * Entity tags of stored things: strong (`"<id>@<version>"`), because If-Match compares strongly
 * (RFC 9110 §13.1.1) and a weak tag would never match. The version goes up with every write.
 */
export function etag(id: string, version: number): string {
  return `"${id}@${version}"`;
}

/**
 * The version an `If-Match` header asks for, for the store's own check inside its transaction.
 * Absent header: unconditional (undefined). `*`: any current version (undefined; the store answers
 * not-found when there is none). A tag of this thing: its version. Anything else can never match: 412.
 */
export function ifMatchVersion(request: Request, id: string): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const tags = header.split(",").map((t) => t.trim()).filter(Boolean);
  if (tags.includes("*")) return undefined;
  const versions = tags.flatMap((tag) => {
    const m = /^"(.+)@(\d{1,15})"$/.exec(tag);
    return m && m[1] === id ? [Number(m[2])] : [];
  });
  if (versions.length === 1) return versions[0];
  if (versions.length > 1) throw new RequestError(400, "If-Match names several versions; send the one ETag you last read", { field: "If-Match" });
  throw new RequestError(412, `If-Match ${clip(header)} is not an ETag of "${id}"; read it again (GET) for its current ETag`, { field: "If-Match" });
}

/** True when `If-None-Match` already holds the current tag (the client's copy is current: 304). */
export function notModified(request: Request, tag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const candidate = t.trim();
    return candidate === "*" || candidate === tag || candidate === `W/${tag}`;
  });
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
