import Papa from "papaparse";
import { textLines, type TextLine } from "./text-lines";

/**
 * CSV records from a byte stream, one at a time. Lines are gathered until their quotes balance
 * (a quoted cell may hold line breaks, as ACLED's notes do), then that one record is parsed by
 * papaparse; so memory holds one record, never the file.
 */
export type CsvRecord = { cells: string[]; line: number; latin1: boolean };

export class RecordTooLong extends Error {}

const MAX_RECORD_CHARS = 1 << 20;

export async function* csvRecords(source: AsyncIterable<Uint8Array> | AsyncIterable<TextLine>, delimiter = ","): AsyncGenerator<CsvRecord> {
  let text = "";
  let quotes = 0;
  let startLine = 0;
  let latin1 = false;
  for await (const l of asLines(source)) {
    if (text === "" && quotes === 0) {
      if (l.text.trim() === "") continue;
      startLine = l.line;
      latin1 = false;
      text = l.text;
    } else {
      text += "\n" + l.text;
    }
    latin1 ||= l.latin1;
    quotes += count(l.text, '"');
    if (text.length > MAX_RECORD_CHARS) throw new RecordTooLong(`the record starting on line ${startLine} runs past ${MAX_RECORD_CHARS / 1024} KiB: a quote is probably left open`);
    if (quotes % 2 === 1) continue;
    const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
    yield { cells: parsed.data[0] ?? [], line: startLine, latin1 };
    text = "";
    quotes = 0;
  }
  if (text !== "") throw new RecordTooLong(`the record starting on line ${startLine} has a quote that is never closed`);
}

async function* asLines(source: AsyncIterable<Uint8Array> | AsyncIterable<TextLine>): AsyncGenerator<TextLine> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  if (first.value instanceof Uint8Array) {
    async function* rest(): AsyncGenerator<Uint8Array> {
      yield first.value as Uint8Array;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Uint8Array;
    }
    yield* textLines(rest());
    return;
  }
  yield first.value;
  for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as TextLine;
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}
