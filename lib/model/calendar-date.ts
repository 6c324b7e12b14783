/**
 * True for a real day of the Gregorian calendar written YYYY-MM-DD: 2024-02-29 is one, 2025-02-30
 * and 2025-13-45 are not. The one check every date read from data, URLs and API bodies goes through.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls day 0 of the next month back to the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
