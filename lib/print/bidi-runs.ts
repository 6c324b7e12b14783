import bidiFactory from "bidi-js";
import { scriptOf, type Script } from "./sheet-fonts";

/** A piece of a line drawn with one font in one direction; `text` is in logical order. */
export type TextRun = { text: string; rtl: boolean; script: Script };

let bidi: ReturnType<typeof bidiFactory> | undefined;
const RTL_OR_ARABIC = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A line cut into runs in visual order, left to right (the Unicode bidirectional algorithm, via
 * bidi-js), so that a PDF writer without bidi support can draw Hebrew and Arabic right to left
 * and switch fonts by script. Pure Latin lines come back whole.
 */
export function visualRuns(line: string): TextRun[] {
  if (!RTL_OR_ARABIC.test(line)) return line ? [{ text: line, rtl: false, script: "latin" }] : [];
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(line, "auto");
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const runs: (TextRun & { last: number; chars: string[] })[] = [];
  for (const i of bidi.getReorderedIndices(line, levels)) {
    const char = mirrored.get(i) ?? line[i]!;
    const rtl = (levels.levels[i] ?? 0) % 2 === 1;
    const script = scriptOf(line[i]!);
    const run = runs.at(-1);
    const next = run && run.rtl === rtl && run.script === script && i === run.last + (rtl ? -1 : 1);
    if (next) {
      run.chars.push(char);
      run.last = i;
    } else runs.push({ text: "", rtl, script, last: i, chars: [char] });
  }
  // Right-to-left runs were collected in visual order; writers shape and reverse logical text.
  return runs.map(({ rtl, script, chars }) => ({ rtl, script, text: (rtl ? [...chars].reverse() : chars).join("") }));
}
