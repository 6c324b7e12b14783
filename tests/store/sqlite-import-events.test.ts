import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { StoreError, type EventBatch } from "@/lib/store/store";
import { article, event } from "./contract-fixtures";

const dir = mkdtempSync(join(tmpdir(), "briefmap-sqlite-import-events-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/*
 * SQLite holds an event import's transaction open on the store's one connection while the next
 * batch is read (e.g. from an upload): a write arriving meanwhile is refused ("unavailable"), never
 * folded into the import's transaction, and is accepted again once the import has ended.
 */
it("refuses other writes while an import is open, and takes them again after it", async () => {
  const store = openSqliteStore(join(dir, "store.sqlite"));
  let release!: () => void;
  const paused = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const atPause = new Promise<void>((resolve) => (reached = resolve));
  const first = article("imp-1", ["First."]);
  const second = article("imp-2", ["Second."]);
  async function* batches(): AsyncGenerator<EventBatch> {
    yield { articles: [first.input], events: [event({ id: "one", article: "imp-1", sources: [first.quote(0)] })] };
    reached();
    await paused;
    yield { articles: [second.input], events: [event({ id: "two", article: "imp-2", sources: [second.quote(0)] })] };
  }
  const running = store.importEvents(batches(), { actor: "importer", source: "slow.csv" });
  await atPause;
  const other = article("meanwhile", ["Meanwhile."]);
  const refused = await store.createArticle(other.input, { actor: "editor" }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoreError);
  expect((refused as StoreError).code).toBe("unavailable");
  release();
  expect(await running).toMatchObject({ created: 2 });
  await store.createArticle(other.input, { actor: "editor" });
  expect((await store.articles()).map((a) => a.id).sort()).toEqual(["imp-1", "imp-2", "meanwhile"]);
  await store.close();
});
