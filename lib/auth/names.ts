import removeConfusables from "confusables";
import { RequestError } from "@/lib/api/request-error";

/** Longest user name, in characters after normalisation (a name is shown in headers and the audit log). */
export const MAX_NAME_LENGTH = 64;
/** Longer input is refused before any normalisation work is done on it. */
const MAX_RAW_LENGTH = 256;

/** The audit log's name for the bootstrap token; no account may take it. */
export const RESERVED_NAMES = new Set(["admin-token"]);

/** Letters (any script), marks, digits, and . _ - @ ; no spaces, controls or invisible characters. */
const NAME_PATTERN = /^[\p{L}\p{M}\p{N}._@-]+$/u;

/**
 * A user name as shown (NFKC, so full-width and compatibility forms become ordinary letters) and
 * its key: case-folded and reduced to a confusables skeleton, so that "Alice", "ALICE", "Аlice"
 * (Cyrillic А) and "ａｌｉｃｅ" are one account. Two names with the same key cannot both exist,
 * and signing in looks the user up by key.
 */
export function userName(raw: unknown): { name: string; key: string } {
  if (typeof raw !== "string" || raw.length === 0) throw new RequestError(400, "a user name is required", { field: "name" });
  if (raw.length > MAX_RAW_LENGTH) throw new RequestError(400, `the user name is longer than ${MAX_NAME_LENGTH} characters`, { field: "name" });
  const name = raw.normalize("NFKC").trim();
  if ([...name].length > MAX_NAME_LENGTH) throw new RequestError(400, `the user name is longer than ${MAX_NAME_LENGTH} characters`, { field: "name" });
  if (!NAME_PATTERN.test(name)) {
    throw new RequestError(400, "a user name may hold letters, digits and . _ - @ only (no spaces or invisible characters)", { field: "name" });
  }
  const key = nameKey(name);
  if (RESERVED_NAMES.has(key)) throw new RequestError(400, `"${name}" is reserved`, { field: "name" });
  return { name, key };
}

/** The key alone (sign-in looks names up by it). Case is folded before and after the skeleton. */
export function nameKey(name: string): string {
  const folded = name.normalize("NFKC").toLowerCase().normalize("NFKC");
  return removeConfusables(folded).toLowerCase().normalize("NFKC");
}
