import { SHEET_FONTS, fontUrl, scriptsIn, type SheetFont } from "@/lib/print/sheet-fonts";

/** The font files a sheet's text needs beyond Latin, fetched from the app: none for an all-Latin sheet. */
export async function fontsFor(texts: Iterable<string>): Promise<{ font: SheetFont; bytes: ArrayBuffer }[]> {
  const scripts = scriptsIn(texts);
  const needed = SHEET_FONTS.filter((f) => scripts.has(f.script));
  return Promise.all(
    needed.map(async (font) => {
      const response = await fetch(fontUrl(font));
      if (!response.ok) throw new Error(`the font ${font.file} could not be loaded (HTTP ${response.status})`);
      return { font, bytes: await response.arrayBuffer() };
    }),
  );
}

/** Every text on a sheet, to see which scripts it needs: the model holds all of them. */
export const sheetTexts = (model: unknown): string[] => [JSON.stringify(model)];
