import { hash, verify } from "@node-rs/argon2";
import { RequestError } from "@/lib/api/request-error";

export const MIN_PASSWORD_LENGTH = 10;
/** Hashing cost grows with length; past this a password is refused, not hashed. */
export const MAX_PASSWORD_LENGTH = 256;

/** A password a user may set: long enough, not absurdly long, a string. */
export function checkNewPassword(raw: unknown): string {
  if (typeof raw !== "string") throw new RequestError(400, "a password is required", { field: "password" });
  if ([...raw].length < MIN_PASSWORD_LENGTH) throw new RequestError(400, `the password is shorter than ${MIN_PASSWORD_LENGTH} characters`, { field: "password" });
  if (raw.length > MAX_PASSWORD_LENGTH) throw new RequestError(400, `the password is longer than ${MAX_PASSWORD_LENGTH} characters`, { field: "password" });
  return raw;
}

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), a fresh salt each time. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a user (unknown name) it still verifies against
 * a throwaway hash, so an unknown name takes as long as a wrong password and gives nothing away.
 */
export async function passwordMatches(password: string, storedHash: string | undefined): Promise<boolean> {
  dummy ??= hash("no user has this password, it only costs the same time");
  const target = storedHash ?? (await dummy);
  let ok = false;
  try {
    ok = await verify(target, password);
  } catch {
    ok = false;
  }
  return ok && storedHash !== undefined;
}
