/** Characters a spreadsheet reads as the start of a formula (OWASP's list, with tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`) gets a leading
 * apostrophe, so that Excel and LibreOffice show it as text; Briefmap's own import takes the
 * apostrophe off again. Numbers Briefmap writes itself (coordinates) are passed as numbers.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The cell as it was before `csvCell` escaped it. */
export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
