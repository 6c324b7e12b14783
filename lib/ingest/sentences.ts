import sbd from "sbd";

/** A sentence of the article with its character offsets ([start, end) in the original text). */
export type Sentence = { index: number; start: number; end: number; text: string; paragraph: number };

/**
 * Sentences by `sbd` (it knows "Dr.", "Dec.", "U.S." and initials, which Intl.Segmenter splits after),
 * each found again in the original text so that every quote carries exact offsets.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let paragraphStart = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const blockStart = text.indexOf(block, paragraphStart);
    paragraphStart = blockStart + block.length;
    let cursor = blockStart;
    for (const piece of sbd.sentences(block, { newline_boundaries: true, sanitize: false })) {
      const trimmed = piece.trim();
      if (!trimmed) continue;
      const at = text.indexOf(trimmed, cursor);
      if (at < 0) continue;
      out.push({ index: out.length, start: at, end: at + trimmed.length, text: trimmed, paragraph });
      cursor = at + trimmed.length;
    }
    if (block.trim()) paragraph++;
  }
  return out;
}

/** The sentence holding an offset, by binary search (a long article has thousands of sentences); undefined between sentences. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
