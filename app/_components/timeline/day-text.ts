import { dayLabel } from "@/lib/events/time-label";
import { readDay, valueOr } from "@/lib/view/values";

const parseDay = (value: string) => valueOr(readDay(value));

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A day as the app writes it everywhere: "20 Aug 2025". */
export const dayText = (day: string): string => dayLabel(day);

/**
 * A day typed by the analyst: "20 Aug 2025", "20 august 2025", "Aug 20 2025" or "2025-08-20".
 * Returns YYYY-MM-DD, or null when the text is not one real calendar day.
 */
export function parseDayText(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return parseDay(t);
  const dayFirst = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/.exec(t);
  const monthFirst = /^([a-z]{3,9})\.? (\d{1,2}) (\d{4})$/.exec(t);
  const [d, m, y] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  if (!d || !m || !y) return null;
  // A month by its name or its first three letters ("sept" too).
  const month = MONTHS.findIndex((name) => name === m || name.slice(0, 3) === m || (m.length > 3 && name.startsWith(m)));
  if (month < 0) return null;
  return parseDay(`${y}-${String(month + 1).padStart(2, "0")}-${d.padStart(2, "0")}`);
}
