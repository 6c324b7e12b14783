import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSchema } from "@/lib/model/schema";
import type { NextServer } from "./harness/next-server";
import { call, eventBody, startServer, tempDatabase } from "./writes-client";

/*
 * Nothing lost (issue 11, item 7): the server is SIGKILLed in the middle of a stream of concurrent
 * writes. After a restart on the same file the store opens cleanly, every acknowledged (201) write
 * is there whole, every other write is whole or absent, and a reader polling during the writes
 * never saw half an event.
 */

const PLANNED = 2_000;
const IN_FLIGHT = 24;
const KILL_AFTER_ACKS = 150;

let db: ReturnType<typeof tempDatabase>;
let server: NextServer | undefined;

beforeAll(() => {
  db = tempDatabase();
});
afterAll(async () => {
  await server?.stop();
  db?.remove();
});

const strictEvent = eventSchema.extend({}).strict();
const sent = new Map<string, ReturnType<typeof eventBody>>();
for (let i = 0; i < PLANNED; i++) {
  const id = `lost-${i}`;
  sent.set(id, eventBody(id, { title: `Write number ${i}`, actors: ["Syria", `Writer ${i}`], summary: `The ${i}th write of the stream.` }));
}

describe("a server killed in the middle of a stream of writes", () => {
  it("keeps every acknowledged write whole, and no write half-done", async () => {
    server = await startServer(db.url);
    const running = server;
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    const halfSeen: string[] = [];
    let reads = 0;
    let killed = false;

    // Readers: poll events just written (or being written) and check each one read is whole.
    const reader = async () => {
      while (!killed) {
        const ids = [...attempted];
        const id = ids[Math.floor(Math.random() * ids.length)];
        if (!id) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        try {
          const answer = await call(running.url, "GET", `/api/events/${id}`, { token: null });
          reads++;
          if (answer.status === 200 && !isDeepStrictEqual(answer.body, sent.get(id))) halfSeen.push(`${id}: ${JSON.stringify(answer.body)}`);
          if (answer.status !== 200 && answer.status !== 404) halfSeen.push(`${id}: HTTP ${answer.status}`);
        } catch {
          // the server was killed under this read
        }
      }
    };

    // A reader of the map's list: every event of the stream it lists is whole.
    const listReader = async () => {
      while (!killed) {
        try {
          const answer = await call(running.url, "GET", "/api/events?q=Writer", { token: null });
          reads++;
          for (const feature of answer.body?.features ?? []) {
            const { id, title, actors, sources, time } = feature.properties;
            const expected = sent.get(id);
            if (expected && !isDeepStrictEqual({ title, actors, sources, time }, { title: expected.title, actors: expected.actors, sources: expected.sources, time: expected.time })) {
              halfSeen.push(`list ${id}: ${JSON.stringify(feature.properties)}`);
            }
          }
        } catch {
          // the server was killed under this read
        }
      }
    };

    // Writers: IN_FLIGHT concurrent POSTs until the kill.
    const queue = [...sent.keys()];
    const writer = async () => {
      for (let id = queue.shift(); id && !killed; id = queue.shift()) {
        attempted.add(id);
        try {
          const answer = await call(running.url, "POST", "/api/events", { body: sent.get(id) });
          if (answer.status === 201) acknowledged.add(id);
          else if (!killed) throw new Error(`POST ${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        } catch (error) {
          if (!killed) throw error;
        }
        if (acknowledged.size >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          process.kill(running.pid, "SIGKILL");
        }
      }
    };

    await Promise.all([...Array.from({ length: IN_FLIGHT }, writer), reader(), reader(), listReader()]);
    await running.stop();
    expect(killed).toBe(true);
    expect(reads).toBeGreaterThan(0);
    expect(halfSeen).toEqual([]);
    // Some writes were in flight when the server died: the test did kill it mid-stream.
    expect(attempted.size).toBeGreaterThan(acknowledged.size);

    // Restart on the same file: it opens, and each write is whole or absent.
    server = await startServer(db.url);
    const restarted = server;
    const present: string[] = [];
    for (const id of attempted) {
      const answer = await call(restarted.url, "GET", `/api/events/${id}`, { token: null });
      if (acknowledged.has(id)) expect(answer.status, `acknowledged ${id}`).toBe(200);
      if (answer.status === 404) continue;
      expect(answer.status).toBe(200);
      expect(strictEvent.safeParse(answer.body).success, id).toBe(true);
      expect(answer.body, id).toEqual(sent.get(id));
      present.push(id);
    }
    // Every write present has its audit entry: the event and its audit row were one transaction.
    const audited = new Set<string>();
    let next: string | null = "/api/audit?entity=event&limit=500";
    while (next) {
      const page: { body: { entries: { entityId: string; action: string }[]; next: string | null } } = await call(restarted.url, "GET", next);
      for (const entry of page.body.entries) if (entry.action === "create") audited.add(entry.entityId);
      next = page.body.next;
    }
    expect(present.filter((id) => !audited.has(id))).toEqual([]);
    expect([...audited].filter((id) => id.startsWith("lost-") && !present.includes(id))).toEqual([]);

    // The store still takes writes, and the file passes SQLite's own integrity check.
    expect((await call(restarted.url, "POST", "/api/events", { body: eventBody("after-the-crash") })).status).toBe(201);
    await restarted.stop();
    const file = new Database(db.file, { readonly: true });
    try {
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      file.close();
    }
  });
});
