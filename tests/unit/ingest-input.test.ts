import { describe, expect, it } from "vitest";
import { ArticleInputError, checkArticleInput } from "@/lib/ingest/input";
import { gazetteer } from "@/lib/ingest/gazetteer";
import { extractArticle } from "@/lib/ingest/pipeline";
import { splitSentences } from "@/lib/ingest/sentences";

const today = new Date("2026-11-30T12:00:00Z");
const check = (text: string, published = "2025-08-20") => checkArticleInput({ text, published }, today);
const failure = (text: string, published = "2025-08-20") => {
  try {
    check(text, published);
  } catch (e) {
    if (e instanceof ArticleInputError) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error("accepted");
};

describe("what an analyst pastes or uploads", () => {
  it("refuses empty text, naming the field", () => {
    expect(failure("   \n ")).toEqual({ field: "text", message: "the text is empty" });
  });

  it("refuses 5 MB of text with the limit stated", () => {
    expect(failure("word ".repeat(1_000_000)).message).toMatch(/5,000,000 characters long; at most 1,000,000/);
  });

  it("refuses binary content", () => {
    expect(failure("PK\u0003\u0004\u0000\u0000binary").message).toMatch(/looks binary/);
  });

  it("reduces an HTML page to its text, dropping scripts and markup", () => {
    const page = `<html><head><script>alert("x")</script><style>p{}</style></head><body><nav>Home</nav><p>Israel struck <b>Syrian</b> forces in As-Suwayda.</p><img src=x onerror=alert(1)><p>Second paragraph.</p></body></html>`;
    const { text, fromHtml } = check(page);
    expect(fromHtml).toBe(true);
    expect(text).toContain("Israel struck Syrian forces in As-Suwayda.");
    expect(text).not.toMatch(/alert|<|onerror|Home/);
  });

  it("refuses a malformed or future publication date", () => {
    expect(failure("Text.", "20/08/2025")).toMatchObject({ field: "published", message: expect.stringMatching(/not a date as YYYY-MM-DD/) });
    expect(failure("Text.", "2025-02-30")).toMatchObject({ field: "published" });
    expect(failure("Text.", "2027-01-01")).toMatchObject({ field: "published", message: expect.stringMatching(/in the future/) });
  });

  it("says what is not supported for a language other than English", () => {
    const x = extractArticle({ id: "t", text: "La Syrie a confirmé mardi la rencontre à Paris.", published: "2025-08-20", language: "fr" }, { layers: [], gazetteer: gazetteer() });
    expect(x.notices[0]).toMatch(/English only/);
    expect(x.places.map((p) => p.text)).toContain("Paris");
  }, 30_000);

  it("keeps 'Dr.' and 'Dec.' inside their sentences", () => {
    const s = splitSentences("Dr. Smith arrived on Dec. 3 in Damascus. He left.");
    expect(s.map((x) => x.text)).toEqual(["Dr. Smith arrived on Dec. 3 in Damascus.", "He left."]);
  });
});
