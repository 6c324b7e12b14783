import type { DataProblem } from "@/lib/model/problem";
import { StoreError, type EventBatch, type EventBatchResult, type EventImportContext, type EventImportSummary } from "../store";
import { parseArticle, parseEvent } from "../validate";
import { connect, storeError, type Pools } from "./connection";
import { eventRecord, insertEvents, lookupFeatures, type EventRecord } from "./event-records";
import { hasNul } from "./nul";
import { audit, insertArticle } from "./writes";
import type pg from "pg";

/**
 * An event import on PostgreSQL: one transaction on one connection, batch by batch. The revision row
 * is taken first, as every write does, so that other writers wait for the import instead of mixing
 * with it; a dry run is rolled back at the end.
 */
export async function importEvents(pools: Pools, batches: AsyncIterable<EventBatch>, write: EventImportContext): Promise<EventImportSummary> {
  const db = await connect(pools.primary);
  const summary: EventImportSummary = { articles: 0, articlesPruned: 0, created: 0, updated: 0, deleted: 0, notFound: 0, dryRun: write.dryRun === true };
  let broken = false;
  try {
    await db.query("BEGIN");
    await db.query("UPDATE store_state SET revision = revision + 1");
    let n = 0;
    for await (const batch of batches) {
      n++;
      const r = await writeBatch(db, batch, n);
      summary.articles += batch.articles.length;
      summary.created += r.created.length;
      summary.updated += r.updated.length;
      summary.deleted += r.deleted.length;
      summary.notFound += r.notFound.length;
      write.onBatch?.(r);
    }
    if (write.pruneEmptyArticles) {
      const { rowCount } = await db.query(
        "DELETE FROM articles a WHERE left(a.id, $2) = $1 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article = a.id)",
        [write.pruneEmptyArticles, write.pruneEmptyArticles.length],
      );
      summary.articlesPruned = rowCount ?? 0;
    }
    await audit(db, write, "import", "data", write.source, null, { kind: "events", ...summary });
    await db.query(write.dryRun ? "ROLLBACK" : "COMMIT");
    return summary;
  } catch (error) {
    try {
      await db.query("ROLLBACK");
    } catch {
      broken = true;
    }
    throw storeError(error);
  } finally {
    db.release(broken);
  }
}

async function writeBatch(db: pg.PoolClient, batch: EventBatch, batchNumber: number): Promise<EventBatchResult> {
  const at = (what: string) => `batch ${batchNumber} ${what}`;
  const texts = new Map<string, string>();
  for (const input of batch.articles) {
    const parsed = parseArticle(input, "import", at(`article (${input.id})`));
    if (!parsed.value) throw new StoreError("invalid", `article "${input.id}" is not valid; nothing was written`, parsed.problems);
    if ((await db.query("SELECT 1 FROM articles WHERE id = $1", [parsed.value.id])).rowCount) {
      throw new StoreError("duplicate", `article "${parsed.value.id}" already exists; nothing was written`);
    }
    await insertArticle(db, parsed.value, 1);
    texts.set(parsed.value.id, parsed.value.text);
  }
  const problems: DataProblem[] = [];
  const events = batch.events.flatMap((input) => {
    const parsed = parseEvent(input, "import", at(`event (${input.id})`));
    problems.push(...parsed.problems);
    return parsed.value ? [parsed.value] : [];
  });
  if (problems.length > 0) throw new StoreError("invalid", `${problems.length} problem(s) in batch ${batchNumber}; nothing was written`, problems);

  // Articles the batch's events quote but did not bring: read once each.
  const missing = [...new Set(events.map((e) => e.article))].filter((a) => !texts.has(a) && !hasNul(a));
  if (missing.length > 0) {
    const { rows } = await db.query<{ id: string; text: string }>("SELECT id, text FROM articles WHERE id = ANY($1::text[]) FOR SHARE", [missing]);
    for (const r of rows) texts.set(r.id, r.text);
  }
  const ids = events.map((e) => e.id);
  const { rows: stored } = await db.query<{ id: string; version: number }>("SELECT id, version FROM events WHERE id = ANY($1::text[]) FOR UPDATE", [ids]);
  const versions = new Map(stored.map((r) => [r.id, r.version]));
  const features = await lookupFeatures(db, events);
  const records = new Map<string, EventRecord>();
  for (const event of events) {
    const { record, problems: found } = eventRecord(event, texts.get(event.article), features, (versions.get(event.id) ?? 0) + 1, "import", at(`event (${event.id})`));
    problems.push(...found);
    // A record given twice in one batch: the later one stands, as it would across batches.
    if (record) records.set(record.id, record);
  }
  if (problems.length > 0) throw new StoreError("invalid", `${problems.length} problem(s) in batch ${batchNumber}; nothing was written`, problems);

  const result: EventBatchResult = { created: [], updated: [], deleted: [], notFound: [] };
  const seen = new Set<string>();
  for (const event of events) {
    (versions.has(event.id) || seen.has(event.id) ? result.updated : result.created).push(event.id);
    seen.add(event.id);
  }
  if (versions.size > 0) await db.query("DELETE FROM events WHERE id = ANY($1::text[])", [[...versions.keys()]]);
  await insertEvents(db, [...records.values()]);

  const deletions = (batch.deletions ?? []).filter((id) => !hasNul(id));
  if (deletions.length > 0) {
    const { rows } = await db.query<{ id: string }>("DELETE FROM events WHERE id = ANY($1::text[]) RETURNING id", [deletions]);
    const gone = new Set(rows.map((r) => r.id));
    for (const id of batch.deletions ?? []) (gone.has(id) ? result.deleted : result.notFound).push(id);
  } else {
    result.notFound.push(...(batch.deletions ?? []));
  }
  return result;
}
