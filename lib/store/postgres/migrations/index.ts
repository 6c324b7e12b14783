import initial from "./001_initial";
import accounts from "./002_accounts";
import reviewStatus from "./003_review_status";

/**
 * The PostGIS schema's history, oldest first. Each entry is applied once, in order, inside a
 * transaction, and recorded in `schema_migrations`; a released entry is never edited, only followed
 * by a new one (`NNN_name.ts`).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: "initial", sql: initial },
  { version: 2, name: "accounts", sql: accounts },
  { version: 3, name: "review_status", sql: reviewStatus },
];
