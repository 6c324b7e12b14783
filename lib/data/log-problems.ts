import { formatProblem, type DataProblem } from "@/lib/model/problem";

/**
 * Next bundles pages and API routes apart, so each bundle has its own copy of the data modules and
 * loads the data itself; the process-wide registry below makes each problem appear in the log once.
 */
const LOGGED = Symbol.for("briefmap.loggedDataProblems");
type WithLogged = typeof globalThis & { [LOGGED]?: Set<string> };

/** Logs every problem not yet logged by this process, as `[briefmap data] file [item]: rule: message`. */
export function logProblemsOnce(problems: readonly DataProblem[]): void {
  const logged = ((globalThis as WithLogged)[LOGGED] ??= new Set());
  for (const p of problems) {
    const line = `[briefmap data] ${formatProblem(p)}`;
    if (logged.has(line)) continue;
    logged.add(line);
    console.warn(line);
  }
}
