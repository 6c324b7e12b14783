import { readFile } from "node:fs/promises";
import path from "node:path";
import { SHEET_FONTS } from "@/lib/print/sheet-fonts";

/**
 * The sheet's Hebrew and Arabic fonts, straight from their npm packages (which export no file paths,
 * so the files are read from the installed package). Only the listed files can be named.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const font = SHEET_FONTS.find((f) => f.file === file);
  if (!font) return Response.json({ error: { param: "file", message: `No font named ${JSON.stringify(file.slice(0, 80))}.` } }, { status: 404 });
  const bytes = await readFile(path.join(process.cwd(), "node_modules", font.npmPackage, "fonts", font.file));
  return new Response(new Uint8Array(bytes), { headers: { "content-type": "font/ttf", "cache-control": "public, max-age=86400" } });
}
