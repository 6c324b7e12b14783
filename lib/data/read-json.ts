import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataProblem } from "@/lib/model/problem";
import { decodeUtf8, tooDeepAt } from "./json-text";
import { MAX_JSON_DEPTH } from "./limits";

/** Reads and parses one JSON file of the data folder; a failure becomes a problem naming the file. */
export async function readJson(dataDir: string, file: string, problems: DataProblem[]): Promise<unknown> {
  const text = await readText(dataDir, file, problems);
  if (text === undefined) return undefined;
  return parseJson(text, file, problems);
}

/** Parses JSON text of `file`, bounded in depth; a failure becomes a problem naming the file. */
export function parseJson(text: string, file: string, problems: DataProblem[]): unknown {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    problems.push({ file, rule: "too-deep", message: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels at character ${deep}` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file, rule: "invalid-json", message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Reads a UTF-8 text file of the data folder. A leading byte-order mark is stripped; with
 * `bom: "note"` (article text, whose offsets it would shift) stripping it is also reported.
 */
export async function readText(dataDir: string, file: string, problems: DataProblem[], bom: "strip" | "note" = "strip"): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dataDir, file));
  } catch (error) {
    problems.push({ file, rule: "unreadable-file", message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if ("error" in decoded) {
    problems.push({ file, rule: "invalid-utf8", message: `${decoded.error}: files must be UTF-8` });
    return undefined;
  }
  if (decoded.hadBom && bom === "note") {
    problems.push({ file, rule: "byte-order-mark", message: "starts with a byte-order mark (U+FEFF); it was removed and offsets count from the character after it" });
  }
  return decoded.text;
}

/** Turns zod issues into problems: `path` says which field broke which rule. */
export function schemaProblems(file: string, issues: { path: PropertyKey[]; message: string }[], item?: string): DataProblem[] {
  return issues.map((issue) => ({
    file,
    item,
    rule: "schema" as const,
    message: `${issue.path.length ? issue.path.map(String).join(".") : "(root)"}: ${issue.message}`,
  }));
}
