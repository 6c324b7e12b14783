import type { BriefEvent } from "@/lib/model/schema";

/**
 * One row of a data set, mapped to an event but not yet placed in an article: the batcher puts
 * `quote` into the import's article and points the event's source span at it.
 */
export type MappedRecord = {
  /** The row's first line in the file (1 = the first line), for the report. */
  line: number;
  event: Omit<BriefEvent, "article" | "sources">;
  /** What the source states, quoted verbatim (ACLED's notes, GDELT's coded record). */
  quote: string;
  /** The line above the quote in the article: record id, date, place, source. */
  heading: string;
};

/** What became of one row: mapped, skipped with the reason, or (a deletions file) an id to delete. */
export type RowResult = { line: number; record: MappedRecord } | { line: number; skipped: string } | { line: number; deletion: string };

/** A whole file refused before any row is imported (wrong delimiter, missing columns, …). */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

/** Any text as an id slug part: lowercase a-z0-9 joined by single dashes. */
export function slugPart(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
