/**
 * Fonts the sheet embeds for scripts Helvetica lacks: Noto Sans Hebrew and Noto Naskh Arabic (SIL OFL
 * 1.1, from the @embedpdf/fonts-* packages, which ship TTF files: jsPDF embeds TTF only, not WOFF).
 */
export type Script = "latin" | "hebrew" | "arabic";

export type SheetFont = { script: Exclude<Script, "latin">; family: string; bold: boolean; file: string; npmPackage: string };

export const SHEET_FONTS: readonly SheetFont[] = [
  { script: "hebrew", family: "Briefmap Hebrew", bold: false, file: "NotoSansHebrew-Regular.ttf", npmPackage: "@embedpdf/fonts-hebrew" },
  { script: "hebrew", family: "Briefmap Hebrew", bold: true, file: "NotoSansHebrew-Bold.ttf", npmPackage: "@embedpdf/fonts-hebrew" },
  { script: "arabic", family: "Briefmap Arabic", bold: false, file: "NotoNaskhArabic-Regular.ttf", npmPackage: "@embedpdf/fonts-arabic" },
  { script: "arabic", family: "Briefmap Arabic", bold: true, file: "NotoNaskhArabic-Bold.ttf", npmPackage: "@embedpdf/fonts-arabic" },
];

/** Where the app serves a font file (app/print/fonts/[file]/route.ts). */
export const fontUrl = (font: Pick<SheetFont, "file">): string => `/print/fonts/${font.file}`;

const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The script a character needs a font for; digits, spaces and punctuation count as Latin. */
export function scriptOf(char: string): Script {
  if (HEBREW.test(char)) return "hebrew";
  if (ARABIC.test(char)) return "arabic";
  return "latin";
}

/** The scripts other than Latin that a text needs, so that only those fonts are fetched. */
export function scriptsIn(texts: Iterable<string>): Set<Exclude<Script, "latin">> {
  const found = new Set<Exclude<Script, "latin">>();
  for (const text of texts) {
    if (HEBREW.test(text)) found.add("hebrew");
    if (ARABIC.test(text)) found.add("arabic");
  }
  return found;
}

/** `@font-face` rules for the HTML sheet, limited to their scripts so Latin text keeps the page's font. */
export function fontFaceCss(): string {
  const ranges = { hebrew: "U+0590-05FF, U+FB1D-FB4F", arabic: "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF" };
  return SHEET_FONTS.map((f) => `@font-face { font-family: "${f.family}"; src: url("${fontUrl(f)}") format("truetype"); font-weight: ${f.bold ? 700 : 400}; unicode-range: ${ranges[f.script]}; }`).join(" ");
}
