import { fold } from "@/lib/events/filter";

/**
 * Text folded for matching names (accents dropped, lower case) with, for each folded code unit,
 * the offset in the original text it came from, so that a match found in the folded text is
 * reported at the article's own offsets.
 */
export type FoldedText = { text: string; origin: Int32Array };

export function foldWithOffsets(original: string): FoldedText {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    // A surrogate pair folds as one character.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < original.length ? 2 : 1;
    const folded = foldName(original.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) origin.push(i);
    text += folded;
    i += width - 1;
  }
  origin.push(original.length);
  return { text, origin: Int32Array.from(origin) };
}

/** One folded form for every spelling of a name: accents, case, apostrophes and dashes alike. */
export function foldName(s: string): string {
  return fold(s)
    .replace(/[\u2018\u2019\u02bc\u02bb`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-");
}

export { fold };
