import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh unguessable value: 32 random bytes, base64url (a session id, a CSRF token, a token's body). */
export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps of a secret: its SHA-256, hex. A stolen database holds no usable session or token. */
export function digestOf(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Compares two secrets in constant time. Compares their digests, not the strings: timingSafeEqual
 * needs equal lengths, and equal-length digests reveal neither the characters nor the length.
 */
export function sameSecret(given: string, expected: string): boolean {
  const d = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(d(given), d(expected));
}
