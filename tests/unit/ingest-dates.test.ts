import { describe, expect, it } from "vitest";
import { findDates } from "@/lib/ingest/dates";
import { splitSentences } from "@/lib/ingest/sentences";

const dates = (text: string, published = "2025-08-20", language = "en") => findDates(text, splitSentences(text), published, language);
const one = (text: string, published?: string, language?: string) => dates(text, published, language).map((d) => ({ text: d.text, ...d.resolved }));

describe("dates resolved against the publication date", () => {
  it("reads a weekday as the last one before publication (past bias)", () => {
    // 2025-08-20 is a Wednesday.
    expect(one("Syria confirmed on Tuesday that talks took place.")).toEqual([{ text: "on Tuesday", start: "2025-08-19", end: "2025-08-19", precision: "day" }]);
    expect(one("The convoy left on Friday.")[0]).toMatchObject({ start: "2025-08-15", precision: "day" });
  });

  it("reads a month without a year as the last such month before publication", () => {
    expect(one("Assad was overthrown in December.")[0]).toMatchObject({ start: "2024-12-01", end: "2024-12-31", precision: "month" });
    expect(one("Fighting resumed in May.", "2025-03-10")[0]).toMatchObject({ start: "2024-05-01", end: "2024-05-31", precision: "month" });
  });

  it("keeps a future date when the sentence speaks of the future", () => {
    expect(one("The crossing will reopen on Sunday.")[0]).toMatchObject({ start: "2025-08-24", precision: "day" });
  });

  it("gives 'last month' month precision, not the reference day", () => {
    expect(one("Last month, Israel struck Syrian forces.")[0]).toMatchObject({ start: "2025-07-01", end: "2025-07-31", precision: "month" });
  });

  it("reads bare years and 'in 2023', and not counts of things", () => {
    expect(one("the renewal of the 1974 ceasefire agreement")[0]).toMatchObject({ text: "1974", start: "1974-01-01", end: "1974-12-31", precision: "year" });
    expect(one("Elections were held in 2023.")[0]).toMatchObject({ start: "2023-01-01", precision: "year" });
    expect(one("Some 1500 people fled.")).toEqual([]);
  });

  it("runs 'since …' to publication, and a bare 'have since' from the date named before", () => {
    const found = one("Tensions rose since the overthrow of Assad in December. Last month, fighting erupted. Hundreds have since demonstrated.");
    expect(found).toContainEqual({ text: "since the overthrow of Assad in December", start: "2024-12-01", end: "2025-08-20", precision: "range" });
    expect(found).toContainEqual({ text: "since", start: "2025-07-01", end: "2025-08-20", precision: "range" });
  });

  it("reports offsets into the text", () => {
    const text = "Syria confirmed on Tuesday that talks took place.";
    const [d] = dates(text);
    expect(text.slice(d!.start, d!.end)).toBe(d!.text);
  });

  it("reads French dates with chrono's French locale", () => {
    expect(one("La Syrie a confirmé mardi 19 août 2025 la rencontre.", "2025-08-20", "fr")[0]).toMatchObject({ start: "2025-08-19", precision: "day" });
  });

  it("reads Arabic dates with chrono's Arabic locale, with the same past bias", () => {
    expect(one("أكدت سوريا يوم الثلاثاء أن وزير خارجيتها التقى مسؤولين إسرائيليين.", "2025-08-20", "ar")[0]).toMatchObject({ start: "2025-08-19", precision: "day" });
    expect(one("وقعت الاشتباكات الشهر الماضي.", "2025-08-20", "ar")[0]).toMatchObject({ start: "2025-07-01", end: "2025-07-31", precision: "month" });
  });

  it("reads no dates in a language chrono has no parser for, rather than misreading them", () => {
    expect(one("Syyria vahvisti tiistaina.", "2025-08-20", "et")).toEqual([]);
  });
});
