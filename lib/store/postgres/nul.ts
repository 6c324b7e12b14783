import type { DataProblem } from "@/lib/model/problem";

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a parameter with one is refused with an
 * encoding error. Nothing stored can contain it, so a read asking for it finds nothing, and a write
 * carrying it is refused as invalid, naming the field, instead of failing in the database.
 */
export const hasNul = (s: string | undefined): boolean => s !== undefined && s.includes("\u0000");

/** Every field of a body whose text holds a NUL, written as `sources[0].quote`. */
export function nulProblems(value: unknown, source: string, at?: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === "string") {
      if (hasNul(v)) problems.push({ file: source, item: at ? `${at} ${path}` : path, rule: "schema", message: `${path}: text may not contain the NUL character (U+0000)` });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (hasNul(k)) problems.push({ file: source, item: path || "(root)", rule: "schema", message: "a field name may not contain the NUL character (U+0000)" });
        visit(x, path ? `${path}.${k}` : k);
      }
    }
  };
  visit(value, "");
  return problems;
}
