/**
 * A byte stream as lines of text, one at a time, so that a file of any size is read in bounded
 * memory. Each line is decoded on its own: UTF-8 when it is valid UTF-8, otherwise Windows-1252
 * (the Latin-1 that spreadsheets write), so that one file mixing both still reads right. A UTF-8
 * byte order mark at the start is dropped; CRLF ends lines as LF does.
 */

export type TextLine = { text: string; line: number; latin1: boolean };

export class LineTooLong extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`line ${line} is longer than ${Math.round(limit / 1024)} KiB: this is not a line-oriented text file (or its line breaks are missing)`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");

export async function* textLines(source: AsyncIterable<Uint8Array>, maxLineBytes = 1 << 20): AsyncGenerator<TextLine> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 0;
  let first = true;
  const finish = (bytes: Uint8Array): TextLine => {
    line++;
    let b = bytes;
    if (first && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    first = false;
    if (b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    try {
      return { text: utf8.decode(b), line, latin1: false };
    } catch {
      return { text: cp1252.decode(b), line, latin1: true };
    }
  };
  for await (const chunk of source) {
    let start = 0;
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, i);
      const bytes = pending.length === 0 ? piece : concat([...pending, piece], pendingBytes + piece.length);
      pending = [];
      pendingBytes = 0;
      if (bytes.length > maxLineBytes) throw new LineTooLong(line + 1, maxLineBytes);
      yield finish(bytes);
      start = i + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      pending.push(rest);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) throw new LineTooLong(line + 1, maxLineBytes);
    }
  }
  if (pendingBytes > 0) yield finish(concat(pending, pendingBytes));
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
