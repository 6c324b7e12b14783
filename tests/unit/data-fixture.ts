import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/**
 * A fresh copy of the valid base data folder with one file replaced by a broken fixture,
 * removed again by the returned cleanup.
 */
export function baseWith(replace?: { fixture: string; as: string }): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "briefmap-data-"));
  cpSync(join(FIXTURES, "data", "base"), dir, { recursive: true });
  if (replace) cpSync(join(FIXTURES, "bad", replace.fixture), join(dir, replace.as));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
