import { StoreError, type ArticleInput, type EventBatch, type Store } from "@/lib/store/store";
import type { BriefEvent } from "@/lib/model/schema";
import { acledHeader } from "./acled/columns";
import { acledRow } from "./acled/row";
import { csvRecords, RecordTooLong } from "./csv-records";
import { gdeltRow, type GdeltFilter } from "./gdelt/row";
import { ImportRefused, slugPart, type MappedRecord } from "./record";
import { emptyReport, MAX_LISTED, type ImportReport } from "./report";
import { LineTooLong, textLines } from "./text-lines";

export type EventFormat = "acled" | "gdelt";

export type EventImportOptions = {
  format: EventFormat;
  /** The file's name, for the report, the audit entry and the articles' titles. */
  fileName: string;
  actor: string;
  dryRun?: boolean;
  /** An ACLED deletions file (event_id_cnty column): those events are removed. */
  deletions?: AsyncIterable<Uint8Array>;
  filter?: GdeltFilter;
  /** Rows per batch and per article (the article quoting them). */
  batchSize?: number;
  onProgress?: (progress: { rowsRead: number; bytesRead: number }) => void;
};

const DATASET_LABEL: Record<EventFormat, { name: string; publisher: string }> = {
  acled: { name: "ACLED", publisher: "ACLED" },
  gdelt: { name: "GDELT 2.0", publisher: "The GDELT Project" },
};

/**
 * Imports an ACLED CSV or GDELT 2.0 events file through the store, in one transaction: rows are
 * read, mapped and written a batch at a time (memory holds one batch), each batch with an article
 * that quotes its records. A row that cannot be mapped is skipped with its reason; a file that
 * cannot be read as the format says, or a batch the store refuses, writes nothing at all.
 */
export async function importEventFile(store: Store, source: AsyncIterable<Uint8Array>, options: EventImportOptions): Promise<ImportReport> {
  const report = emptyReport(options.fileName, options.format, options.dryRun === true);
  const batchSize = options.batchSize ?? 1000;
  const stamp = importStamp();
  let bytesRead = 0;
  const counted = countBytes(source, (n) => (bytesRead += n));
  const skip = (line: number, reason: string) => {
    report.skipped++;
    if (report.skippedRows.length < MAX_LISTED) report.skippedRows.push({ line, reason });
  };

  async function* mapped(): AsyncGenerator<MappedRecord> {
    if (options.format === "acled") {
      let columns: ReturnType<typeof acledHeader> | undefined;
      for await (const rec of csvRecords(counted)) {
        if (!columns) {
          columns = acledHeader(rec.cells);
          continue;
        }
        report.rowsRead++;
        const r = acledRow(rec.cells, columns, rec.line);
        for (const w of r.warnings) if (report.warnings.length < MAX_LISTED) report.warnings.push({ line: rec.line, message: w });
        if (rec.latin1 && report.warnings.length < MAX_LISTED) report.warnings.push({ line: rec.line, message: "not UTF-8: read as Latin-1 (Windows-1252)" });
        if (r.record) yield r.record;
        else skip(rec.line, r.skipped ?? "not mapped");
      }
      if (!columns) throw new ImportRefused("the file is empty: not even a header");
      return;
    }
    const seen = new Map<string, number>();
    for await (const l of textLines(counted)) {
      if (l.text.trim() === "") continue;
      report.rowsRead++;
      const fields = l.text.split("\t");
      if (report.rowsRead === 1 && fields.length < 10) {
        throw new ImportRefused(`the first row has ${fields.length} tab-separated field(s): GDELT 2.0 event files are tab-separated with 61 fields and no header`);
      }
      const r = gdeltRow(fields, l.line, options.filter);
      if (r.filtered) {
        report.filtered++;
        continue;
      }
      if (!r.record) {
        skip(l.line, r.skipped ?? "not mapped");
        continue;
      }
      const first = seen.get(r.record.event.id);
      if (first !== undefined) {
        skip(l.line, `GLOBALEVENTID ${r.record.event.origin?.record} is repeated (first on line ${first})`);
        continue;
      }
      seen.set(r.record.event.id, l.line);
      yield r.record;
    }
  }

  let articleNumber = 0;
  const batchOf = (records: MappedRecord[]): EventBatch => {
    const { article, events } = quoteArticle(records, options, stamp, ++articleNumber);
    report.articles.push(article.id);
    return { articles: [article], events };
  };

  async function* batches(): AsyncGenerator<EventBatch> {
    let pending: MappedRecord[] = [];
    for await (const record of mapped()) {
      pending.push(record);
      if (pending.length >= batchSize) {
        yield batchOf(pending);
        pending = [];
        options.onProgress?.({ rowsRead: report.rowsRead, bytesRead });
      }
    }
    if (pending.length > 0) yield batchOf(pending);
    options.onProgress?.({ rowsRead: report.rowsRead, bytesRead });
    if (options.deletions) {
      let ids: string[] = [];
      for await (const id of deletionIds(options.deletions)) {
        ids.push(id);
        if (ids.length >= batchSize) {
          yield { articles: [], events: [], deletions: ids };
          ids = [];
        }
      }
      if (ids.length > 0) yield { articles: [], events: [], deletions: ids };
    }
  }

  let summary;
  try {
    summary = await store.importEvents(batches(), {
      actor: options.actor,
      source: options.fileName,
      dryRun: options.dryRun,
      pruneEmptyArticles: `${options.format}-import-`,
      onBatch: (r) => {
        report.imported += r.created.length;
        report.updated += r.updated.length;
        report.deleted += r.deleted.length;
        report.notFound += r.notFound.length;
      },
    });
  } catch (error) {
    if (error instanceof ImportRefused || error instanceof LineTooLong) return refused(report, error.message);
    if (error instanceof StoreError && (error.code === "invalid" || error.code === "duplicate")) return refused(report, error.message, error.problems);
    if (error instanceof RecordTooLong) return refused(report, error.message);
    throw error;
  }
  report.articlesPruned = summary.articlesPruned;
  report.finishedAt = new Date().toISOString();
  return report;
}

function refused(report: ImportReport, message: string, problems?: ImportReport["problems"]): ImportReport {
  return { ...report, imported: 0, updated: 0, deleted: 0, notFound: 0, articles: [], refused: message, ...(problems?.length ? { problems: problems.slice(0, 1000) } : {}), finishedAt: new Date().toISOString() };
}

/** The article that holds a batch's quotes: each record as a heading line and the quoted text. */
function quoteArticle(records: MappedRecord[], options: EventImportOptions, stamp: string, n: number): { article: ArticleInput; events: BriefEvent[] } {
  const label = DATASET_LABEL[options.format];
  const first = records[0]!.line;
  const last = records[records.length - 1]!.line;
  const title = `${label.name} records from ${options.fileName}, lines ${first}–${last}`;
  let text = `${title}\n\n`;
  const events: BriefEvent[] = [];
  const id = `${options.format}-import-${stamp}-${n}`;
  for (const r of records) {
    // Heading and quote as paragraphs of their own: the reader shows each record as two.
    text += `${r.heading}\n\n`;
    const start = text.length;
    text += r.quote;
    events.push({ ...r.event, article: id, sources: [{ start, end: text.length, quote: r.quote }] });
    text += "\n\n";
  }
  const article: ArticleInput = { id, title, publisher: label.publisher, published: new Date().toISOString().slice(0, 10), language: "en", text };
  return { article, events };
}

/** Ids to delete from an ACLED deletions file (a CSV with an event_id_cnty column). */
async function* deletionIds(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let column = -1;
  for await (const rec of csvRecords(source)) {
    if (column < 0) {
      column = rec.cells.map((c) => c.trim().toLowerCase()).indexOf("event_id_cnty");
      if (column < 0) throw new ImportRefused("the deletions file has no event_id_cnty column");
      continue;
    }
    const record = (rec.cells[column] ?? "").trim();
    if (record) yield `acled-${slugPart(record)}`;
  }
}

async function* countBytes(source: AsyncIterable<Uint8Array>, add: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    add(chunk.length);
    yield chunk;
  }
}

/** A per-import part of article ids: the time to the second and a random suffix. */
function importStamp(): string {
  const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15).toLowerCase();
  return `${t}-${Math.random().toString(36).slice(2, 6)}`;
}
