import type { Store } from "../store";
import { PostgresAccounts, postgresAuthorship } from "./accounts";
import { DEFAULT_STATEMENT_TIMEOUT_MS, openPools, run } from "./connection";
import { postgresEventTile } from "./event-tile";
import { importData } from "./import";
import { importEvents } from "./import-events";
import { migrate } from "./migrate";
import { Reads } from "./reads";
import { Writes } from "./writes";

export type PostgresStoreOptions = {
  /** A read replica (BRIEFMAP_DATABASE_READ_URL): reads go there; writes and what they return go to the primary. */
  readUrl?: string;
  /** Longest a statement may run before the server cancels it (BRIEFMAP_DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs?: number;
};

/**
 * The store on PostgreSQL + PostGIS (BRIEFMAP_DATABASE_URL=postgres://…). Holds no data of its own
 * between calls, only connection pools: any number of app processes can share one database and see
 * each other's writes at once.
 *
 * The schema is brought up to date on first use, not at open, so that a database that is down when
 * the app starts answers "unavailable" and the app recovers once it is back.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const timeout = options.statementTimeoutMs ?? envTimeout() ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pools = openPools(url, options.readUrl || undefined, timeout);
  const reads = new Reads(pools.read);
  // The revision, emptiness and the values writes return come from the primary: a replica may lag.
  const primaryReads = new Reads(pools.primary);
  const writes = new Writes(pools);

  let ready: Promise<void> | undefined;
  const schema = () => {
    ready ??= migrate(pools).catch((error: unknown) => {
      ready = undefined; // try again on the next call
      throw error;
    });
    return ready;
  };
  const when = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    await schema();
    return f(...args);
  };

  const store: Store = {
    kind: "postgres",
    revision: when(async () => {
      const { rows } = await run<{ revision: string }>(pools.primary, "SELECT revision FROM store_state");
      return Number(rows[0]?.revision ?? 0);
    }),
    isEmpty: when(async () => {
      const { rows } = await run<{ empty: boolean }>(
        pools.primary,
        "SELECT NOT EXISTS (SELECT 1 FROM layers) AND NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM events) AS empty",
      );
      return rows[0]?.empty ?? true;
    }),
    layers: when(() => reads.layers()),
    layer: when((id) => reads.layer(id)),
    feature: when((layer, feature) => reads.feature(layer, feature)),
    articles: when((filter) => reads.articles(filter)),
    article: when((id) => reads.article(id)),
    articleSpans: when((id) => reads.articleSpans(id)),
    event: when((id) => reads.event(id)),
    events: when((query, page) => reads.events(query, page)),
    async *eachEvent(query) {
      await schema();
      yield* reads.eachEvent(query);
    },
    aggregate: when((query) => reads.aggregate(query)),
    matchingIds: when((query, ids) => reads.matchingIds(query, ids)),
    eventTile: when((query, tile) => postgresEventTile(pools.read, query, tile)),
    createEvent: when((event, write) => writes.createEvent(event, write)),
    replaceEvent: when((id, event, write) => writes.replaceEvent(id, event, write)),
    deleteEvent: when((id, write) => writes.deleteEvent(id, write)),
    createArticle: when((article, write) => writes.createArticle(article, write)),
    replaceArticle: when((id, article, write) => writes.replaceArticle(id, article, write)),
    deleteArticle: when((id, write) => writes.deleteArticle(id, write)),
    createLayer: when((layer, write) => writes.createLayer(layer, write)),
    replaceLayer: when((id, layer, write) => writes.replaceLayer(id, layer, write)),
    deleteLayer: when((id, write) => writes.deleteLayer(id, write)),
    importData: when((data, write) => importData(pools, data, write)),
    importEvents: when((batches, write) => importEvents(pools, batches, write)),
    audit: when((filter) => primaryReads.audit(filter)),
    authorship: when((entity, id) => postgresAuthorship(pools, entity, id)),
    accounts: withSchema(new PostgresAccounts(pools), schema),
    close: () => pools.end(),
  };
  return store;
}

/** The account calls, each waiting for the schema first like every other call. */
function withSchema<T extends object>(target: T, schema: () => Promise<void>): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await schema();
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

function envTimeout(): number | undefined {
  const value = Number(process.env.BRIEFMAP_DATABASE_STATEMENT_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
