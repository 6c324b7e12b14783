import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataProblem } from "@/lib/model/problem";

/** Reads and parses one JSON file of the data folder; a failure becomes a problem naming the file. */
export async function readJson(dataDir: string, file: string, problems: DataProblem[]): Promise<unknown> {
  const text = await readText(dataDir, file, problems);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file, rule: "invalid-json", message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

export async function readText(dataDir: string, file: string, problems: DataProblem[]): Promise<string | undefined> {
  try {
    return await readFile(join(dataDir, file), "utf8");
  } catch (error) {
    problems.push({ file, rule: "unreadable-file", message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  }
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
