import { MAX_JSON_DEPTH } from "./limits";

const BOM = "\uFEFF";

export type DecodedText = { text: string; hadBom: boolean } | { error: string };

/**
 * Decodes a file's bytes as UTF-8, refusing invalid sequences instead of turning them into U+FFFD
 * (which would serve "Par���is" as if the source said so). A leading byte-order mark is removed and
 * reported back: RFC 8259 lets JSON parsers ignore it, and offsets into article text must not count it.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: `invalid UTF-8 at byte ${invalidUtf8Offset(bytes)}` };
  }
  return text.startsWith(BOM) ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}

/**
 * Where the first invalid byte is. The lenient decoder marks it with U+FFFD; a U+FFFD that the file
 * really contains (bytes EF BF BD) is skipped.
 */
function invalidUtf8Offset(bytes: Uint8Array): number {
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let i = lenient.indexOf("\uFFFD"); i >= 0; i = lenient.indexOf("\uFFFD", i + 1)) {
    const offset = encoder.encode(lenient.slice(0, i)).length;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.length;
}

/**
 * The first place where arrays and objects nest deeper than MAX_JSON_DEPTH, or undefined. Checked on
 * the text before parsing, so that a hostile file never reaches a recursive parser or serialiser.
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}
