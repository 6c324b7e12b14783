import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import { defineStoreContract } from "./contract";

const dir = mkdtempSync(join(tmpdir(), "briefmap-sqlite-contract-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

defineStoreContract("SQLite file", async () => openSqliteStore(join(dir, `store-${++n}.sqlite`)));
