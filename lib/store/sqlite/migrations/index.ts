import initial from "./001_initial";
import spanIndex from "./002_span_index";
import trigramDetailNone from "./003_trigram_detail_none";
import accounts from "./004_accounts";
import reviewStatus from "./005_review_status";

/**
 * The SQLite schema's history, oldest first. Each entry is applied once, in order, inside a
 * transaction, and recorded in `schema_migrations`; a released entry is never edited, only followed
 * by a new one (`NNN_name.ts`).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: "initial", sql: initial },
  { version: 2, name: "span_index", sql: spanIndex },
  { version: 3, name: "trigram_detail_none", sql: trigramDetailNone },
  { version: 4, name: "accounts", sql: accounts },
  { version: 5, name: "review_status", sql: reviewStatus },
];
