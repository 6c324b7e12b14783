import { isCalendarDate } from "@/lib/model/calendar-date";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A day as ACLED exports write it: ISO `2024-11-01`, `01 November 2024`, or the spreadsheet-mangled
 * `9-May-20` / `09-May-2020`. Two-digit years: 90-99 are 1990s (ACLED starts in 1997), the rest 2000s.
 * Anything else (e.g. 05/09/2020, which is ambiguous) is undefined.
 */
export function parseDay(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return checked(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{2}|\d{4})$/.exec(t);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const fullName = m[2]!.toLowerCase();
  if (fullName.length > 3 && !LONG_MONTHS[month]!.startsWith(fullName)) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year >= 90 ? 1900 : 2000;
  return checked(`${year}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`);
}

const LONG_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function checked(iso: string): string | undefined {
  return isCalendarDate(iso) ? iso : undefined;
}

/** `2025-05-16` shifted by whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First and last day of the month holding `iso`. */
export function monthOf(iso: string): { start: string; end: string } {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}

/** `16 May 2025`, as a time phrase. */
export function dayPhrase(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${LONG_MONTHS[m - 1]![0]!.toUpperCase()}${LONG_MONTHS[m - 1]!.slice(1)} ${y}`;
}

export function monthPhrase(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return `${LONG_MONTHS[m - 1]![0]!.toUpperCase()}${LONG_MONTHS[m - 1]!.slice(1)} ${y}`;
}
