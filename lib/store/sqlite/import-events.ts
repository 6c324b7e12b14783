import type { DataProblem } from "@/lib/model/problem";
import { StoreError, type EventBatch, type EventBatchResult, type EventImportContext, type EventImportSummary } from "../store";
import { checkEventReferences, parseArticle, parseEvent } from "../validate";
import type { SqliteStore } from "./sqlite-store";

/**
 * Writes one batch of an event import inside the import's open transaction. The batch's own article
 * texts are handed to the checks directly, so that an article of a thousand quotes is not read back
 * from the database once per event.
 */
export function importEventBatch(store: SqliteStore, batch: EventBatch, batchNumber: number): EventBatchResult & { articles: number } {
  const { db, s, records } = store.parts;
  const problems: DataProblem[] = [];
  const texts: Record<string, string> = {};
  const at = (what: string) => `batch ${batchNumber} ${what}`;
  for (const input of batch.articles) {
    const parsed = parseArticle(input, "import", at(`article (${input.id})`));
    if (!parsed.value) throw new StoreError("invalid", `article "${input.id}" is not valid; nothing was written`, parsed.problems);
    if (s.articleVersion.get(parsed.value.id) !== undefined) throw new StoreError("duplicate", `article "${parsed.value.id}" already exists; nothing was written`);
    records.putArticle(parsed.value, 1, false);
    texts[parsed.value.id] = parsed.value.text;
  }
  const existing = db.prepare("SELECT rowid, version FROM events WHERE id = ?");
  const result: EventBatchResult = { created: [], updated: [], deleted: [], notFound: [] };
  for (const input of batch.events) {
    const where = at(`event (${input.id})`);
    const parsed = parseEvent(input, "import", where);
    if (!parsed.value) {
      problems.push(...parsed.problems);
      continue;
    }
    const checked = checkEventReferences(parsed.value, store.eventContext(parsed.value.article, texts), "import", where);
    if (!checked.value) {
      problems.push(...checked.problems);
      continue;
    }
    if (problems.length > 0) continue; // keep checking, to name every problem, but write nothing more
    const row = existing.get(checked.value.id) as { rowid: number; version: number } | undefined;
    records.putEvent(checked.value, (row?.version ?? 0) + 1, row?.rowid);
    (row ? result.updated : result.created).push(checked.value.id);
  }
  if (problems.length > 0) throw new StoreError("invalid", `${problems.length} problem(s) in batch ${batchNumber}; nothing was written`, problems);
  for (const id of batch.deletions ?? []) {
    const row = existing.get(id) as { rowid: number } | undefined;
    if (!row) {
      result.notFound.push(id);
      continue;
    }
    records.deleteEvent(row.rowid);
    result.deleted.push(id);
  }
  return { ...result, articles: batch.articles.length };
}

/** Runs the whole import on the store's connection in one IMMEDIATE transaction. */
export async function importEventsInto(store: SqliteStore, batches: AsyncIterable<EventBatch>, write: EventImportContext): Promise<EventImportSummary> {
  const { db, s } = store.parts;
  const summary: EventImportSummary = { articles: 0, articlesPruned: 0, created: 0, updated: 0, deleted: 0, notFound: 0, dryRun: write.dryRun === true };
  db.exec("BEGIN IMMEDIATE");
  try {
    let n = 0;
    for await (const batch of batches) {
      n++;
      const r = importEventBatch(store, batch, n);
      summary.articles += r.articles;
      summary.created += r.created.length;
      summary.updated += r.updated.length;
      summary.deleted += r.deleted.length;
      summary.notFound += r.notFound.length;
      write.onBatch?.(r);
    }
    if (write.pruneEmptyArticles) {
      const empty = db
        .prepare("SELECT id FROM articles a WHERE substr(a.id, 1, ?) = ? AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article = a.id)")
        .pluck()
        .all(write.pruneEmptyArticles.length, write.pruneEmptyArticles) as string[];
      for (const id of empty) s.deleteArticle.run(id);
      summary.articlesPruned = empty.length;
    }
    store.log(write.actor, "import", "data", write.source, null, { kind: "events", ...summary });
    s.bumpRevision.run();
    db.exec(write.dryRun ? "ROLLBACK" : "COMMIT");
    return summary;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
