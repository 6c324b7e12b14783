import { describe, expect, it } from "vitest";
import { isCalendarDate } from "@/lib/model/calendar-date";
import { isoDate } from "@/lib/model/schema";
import { readDay, valueOr } from "@/lib/view/values";

const parseDay = (day: string) => valueOr(readDay(day));

describe("a calendar date", () => {
  it.each(["2025-08-20", "2024-02-29", "2000-02-29", "1974-05-31", "2025-12-31"])("%s is real: data, URLs and schemas accept it", (day) => {
    expect(isCalendarDate(day)).toBe(true);
    expect(parseDay(day)).toBe(day);
    expect(isoDate.safeParse(day).success).toBe(true);
  });

  it.each(["2025-13-45", "2025-02-30", "2025-02-29", "1900-02-29", "2025-04-31", "2025-00-10", "2025-01-00", "2025-1-5", "20250820"])("%s is refused everywhere a date is read", (day) => {
    expect(isCalendarDate(day)).toBe(false);
    expect(parseDay(day)).toBeNull();
    expect(isoDate.safeParse(day).success).toBe(false);
  });
});
