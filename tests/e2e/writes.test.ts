import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextServer } from "./harness/next-server";
import { articleBody, call, eventBody, layerBody, startServer, tempDatabase, TOKEN } from "./writes-client";

/*
 * The write API over real HTTP on a real server with its own SQLite file: round trips for events,
 * articles and layers, ETag / If-Match, the audit log, and who may write.
 */

let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const base = () => server.url;

beforeAll(async () => {
  db = tempDatabase();
  server = await startServer(db.url);
});
afterAll(async () => {
  await server?.stop();
  db?.remove();
});

describe("events", () => {
  it("POST creates (201, Location, ETag), GET reads it back in the data/ form", async () => {
    const sent = eventBody("writes-created-event");
    const created = await call(base(), "POST", "/api/events", { body: sent });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("location")).toBe("/api/events/writes-created-event");
    const tag = created.headers.get("etag");
    expect(tag).toMatch(/^"writes-created-event@\d+"$/);
    expect(created.body).toEqual(sent);

    const read = await call(base(), "GET", "/api/events/writes-created-event", { token: null });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(tag);
    expect(read.body).toEqual(sent);

    const again = await call(base(), "GET", "/api/events/writes-created-event", { token: null, headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);

    // The map's own API sees the new event at once.
    const listed = await call(base(), "GET", "/api/events?id=writes-created-event", { token: null });
    expect(listed.body.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(["writes-created-event"]);
    expect(listed.body.features[0].properties).toMatchObject({ title: sent.title, sources: sent.sources });
  });

  it("PUT replaces with If-Match; a stale If-Match is a 412 and changes nothing", async () => {
    const id = "writes-replaced-event";
    const created = await call(base(), "POST", "/api/events", { body: eventBody(id) });
    expect(created.status).toBe(201);
    const first = created.headers.get("etag")!;

    const changed = eventBody(id, { title: "Syria confirms direct talks" });
    const put = await call(base(), "PUT", `/api/events/${id}`, { body: changed, headers: { "if-match": first } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const second = put.headers.get("etag")!;
    expect(second).not.toBe(first);
    expect(put.body.title).toBe("Syria confirms direct talks");

    const stale = await call(base(), "PUT", `/api/events/${id}`, { body: eventBody(id, { title: "Lost update" }), headers: { "if-match": first } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.message).toBeTruthy();
    const read = await call(base(), "GET", `/api/events/${id}`);
    expect(read.body.title).toBe("Syria confirms direct talks");
    expect(read.headers.get("etag")).toBe(second);

    const foreign = await call(base(), "PUT", `/api/events/${id}`, { body: changed, headers: { "if-match": '"another-event@1"' } });
    expect(foreign.status).toBe(412);
  });

  it("PATCH applies a JSON merge patch (null removes an optional field) and answers the new ETag", async () => {
    const id = "writes-patched-event";
    const sent = eventBody(id, { time: { phrase: "on Tuesday", precision: "day", start: "2025-08-19", end: "2025-08-19", bound: "exact", note: "Tuesday before publication" } });
    expect((await call(base(), "POST", "/api/events", { body: sent })).status).toBe(201);
    const patched = await call(base(), "PATCH", `/api/events/${id}`, {
      type: "application/merge-patch+json",
      body: { summary: "A new summary.", actors: ["Syria", "Israel"], time: { note: null } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.headers.get("etag")).toMatch(new RegExp(`^"${id}@\\d+"$`));
    const read = await call(base(), "GET", `/api/events/${id}`);
    expect(read.body).toEqual({ ...sent, summary: "A new summary.", actors: ["Syria", "Israel"], time: { ...sent.time, note: undefined } });
    expect(read.body.time).not.toHaveProperty("note");

    const stale = await call(base(), "PATCH", `/api/events/${id}`, { body: { title: "x" }, headers: { "if-match": `"${id}@1"` } });
    expect(stale.status).toBe(412);
    const bad = await call(base(), "PATCH", `/api/events/${id}`, { body: { type: "picnic" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("type");
    expect((await call(base(), "GET", `/api/events/${id}`)).body.type).toBe("statement");
  });

  it("DELETE removes (204), honouring If-Match; the event is then 404", async () => {
    const id = "writes-deleted-event";
    const created = await call(base(), "POST", "/api/events", { body: eventBody(id) });
    const stale = await call(base(), "DELETE", `/api/events/${id}`, { headers: { "if-match": `"${id}@999"` } });
    expect(stale.status).toBe(412);
    expect((await call(base(), "GET", `/api/events/${id}`)).status).toBe(200);
    const deleted = await call(base(), "DELETE", `/api/events/${id}`, { headers: { "if-match": created.headers.get("etag")! } });
    expect(deleted.status).toBe(204);
    expect((await call(base(), "GET", `/api/events/${id}`)).status).toBe(404);
    expect((await call(base(), "DELETE", `/api/events/${id}`)).status).toBe(404);
    // PUT never creates: POST does.
    const put = await call(base(), "PUT", `/api/events/${id}`, { body: eventBody(id) });
    expect(put.status).toBe(404);
    expect((await call(base(), "GET", `/api/events/${id}`)).status).toBe(404);
  });
});

describe("articles", () => {
  it("POST, PUT, PATCH and DELETE round trip; an article its events cite is deleted only with cascade=true", async () => {
    const id = "writes-test-article";
    const sent = articleBody(id);
    const created = await call(base(), "POST", "/api/articles", { body: sent });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/articles/${id}`);
    expect(created.body).toMatchObject(sent);

    const put = await call(base(), "PUT", `/api/articles/${id}`, { body: { ...sent, publisher: null }, headers: { "if-match": created.headers.get("etag")! } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.publisher).toBeNull();
    const stale = await call(base(), "PUT", `/api/articles/${id}`, { body: sent, headers: { "if-match": created.headers.get("etag")! } });
    expect(stale.status).toBe(412);

    const patched = await call(base(), "PATCH", `/api/articles/${id}`, { body: { title: "Talks in Geneva" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Talks in Geneva", text: sent.text, publisher: null });

    // An event quoting the new article, then the article refuses to go while it is cited.
    const quote = "Officials met in Geneva on Monday.";
    const event = eventBody("writes-geneva-meeting", { article: id, title: "Officials meet in Geneva", sources: [{ start: 0, end: quote.length, quote }] });
    const posted = await call(base(), "POST", "/api/events", { body: event });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const refused = await call(base(), "DELETE", `/api/articles/${id}`);
    expect(refused.status).toBe(409);
    expect((await call(base(), "GET", `/api/events/writes-geneva-meeting`)).status).toBe(200);

    // A text edit that moves the quoted sentence is refused: the event's quote would no longer be at its offsets.
    const moved = await call(base(), "PATCH", `/api/articles/${id}`, { body: { text: `Update. ${sent.text}` } });
    expect(moved.status).toBe(400);

    const cascade = await call(base(), "DELETE", `/api/articles/${id}?cascade=true`);
    expect(cascade.status).toBe(204);
    expect((await call(base(), "GET", `/api/events/writes-geneva-meeting`)).status).toBe(404);
    expect((await call(base(), "PATCH", `/api/articles/${id}`, { body: { title: "gone" } })).status).toBe(404);
  });
});

describe("layers", () => {
  it("POST, PUT, PATCH and DELETE round trip; events can name its features; a layer its events name is not deleted", async () => {
    const id = "writes-test-square";
    const sent = layerBody(id);
    const created = await call(base(), "POST", "/api/layers", { body: sent });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/layers/${id}`);
    expect(created.body).toMatchObject({ id, title: "Test square", featureCount: 1, geometryType: "Polygon" });
    expect(created.body.bbox).toEqual([36, 33, 36.1, 33.1]);

    const features = await call(base(), "GET", `/api/layers/${id}`, { token: null });
    expect(features.status).toBe(200);
    expect(features.body.features.map((f: { id: string }) => f.id)).toEqual(["square"]);

    const event = eventBody("writes-in-the-square", { where: { layer: id, feature: "square" }, geoPrecision: "region" });
    const posted = await call(base(), "POST", "/api/events", { body: event });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);

    const put = await call(base(), "PUT", `/api/layers/${id}`, { body: { ...sent, title: "Test square, renamed" }, headers: { "if-match": created.headers.get("etag")! } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.title).toBe("Test square, renamed");
    expect((await call(base(), "PUT", `/api/layers/${id}`, { body: sent, headers: { "if-match": created.headers.get("etag")! } })).status).toBe(412);

    const patched = await call(base(), "PATCH", `/api/layers/${id}`, { body: { style: { color: "#993366" } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.style).toEqual({ color: "#993366", dashed: false, fillOpacity: 0.25 });
    const listed = await call(base(), "GET", "/api/layers", { token: null });
    expect(listed.body.layers.find((l: { id: string }) => l.id === id)).toMatchObject({ title: "Test square, renamed", style: { color: "#993366" } });

    // Dropping the feature the event names is refused, as is deleting the layer.
    const dropped = await call(base(), "PATCH", `/api/layers/${id}`, { body: { data: { type: "FeatureCollection", features: [] } } });
    expect(dropped.status).toBeGreaterThanOrEqual(400);
    expect(dropped.status).toBeLessThan(500);
    expect((await call(base(), "DELETE", `/api/layers/${id}`)).status).toBe(409);

    expect((await call(base(), "DELETE", "/api/events/writes-in-the-square")).status).toBe(204);
    expect((await call(base(), "DELETE", `/api/layers/${id}`)).status).toBe(204);
    expect((await call(base(), "PATCH", `/api/layers/${id}`, { body: { title: "gone" } })).status).toBe(404);
    expect((await call(base(), "GET", `/api/layers/${id}`, { token: null })).status).toBe(404);
  });
});

describe("audit", () => {
  it("records who changed what, with the thing before and after, newest first, filtered and paged", async () => {
    const id = "writes-audited-event";
    const sent = eventBody(id);
    await call(base(), "POST", "/api/events", { body: sent });
    await call(base(), "PATCH", `/api/events/${id}`, { body: { title: "Audited title" } });
    await call(base(), "DELETE", `/api/events/${id}`);

    const log = await call(base(), "GET", `/api/audit?entity=event&id=${id}`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const entries = log.body.entries as { id: number; at: string; actor: string; action: string; entity: string; entityId: string; before: unknown; after: unknown }[];
    expect(entries.map((e) => e.action)).toEqual(["delete", "replace", "create"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor: "admin-token", entity: "event", entityId: id });
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    const [deleted, replaced, created] = entries;
    expect(created!.before).toBeNull();
    expect(created!.after).toMatchObject({ id, title: sent.title });
    expect(replaced!.before).toMatchObject({ title: sent.title });
    expect(replaced!.after).toMatchObject({ title: "Audited title" });
    expect(deleted!.before).toMatchObject({ title: "Audited title" });
    expect(deleted!.after).toBeNull();
    expect(entries[0]!.id).toBeGreaterThan(entries[1]!.id);

    const page = await call(base(), "GET", `/api/audit?entity=event&id=${id}&limit=2`);
    expect(page.body.entries).toHaveLength(2);
    expect(page.body.next).toMatch(/before=\d+/);
    const rest = await call(base(), "GET", page.body.next);
    expect(rest.body.entries.map((e: { action: string }) => e.action)).toEqual(["create"]);

    const byActor = await call(base(), "GET", "/api/audit?actor=nobody-at-all");
    expect(byActor.body).toEqual({ entries: [], next: null });
  });

  it("refuses a bad filter with a 400 naming the parameter", async () => {
    for (const [query, param] of [["entity=planet", "entity"], ["limit=0", "limit"], ["limit=abc", "limit"], ["before=-3", "before"], ["colour=red", "colour"]] as const) {
      const answer = await call(base(), "GET", `/api/audit?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.param, query).toBe(param);
    }
  });
});

describe("who may write", () => {
  it("answers 401 with WWW-Authenticate: Bearer without a token or with a wrong one, and writes nothing", async () => {
    const id = "writes-unauthorised";
    for (const token of [null, "wrong-token-wrong-token-wrong", `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const answer = await call(base(), "POST", "/api/events", { body: eventBody(id), token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body.error.message).toBeTruthy();
    }
    const basic = await call(base(), "DELETE", "/api/events/paris-talks", { token: null, headers: { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}` } });
    expect(basic.status).toBe(401);
    expect((await call(base(), "GET", `/api/events/${id}`)).status).toBe(404);
    expect((await call(base(), "GET", "/api/events/paris-talks", { token: null })).status).toBe(200);
    expect((await call(base(), "GET", "/api/audit", { token: null })).status).toBe(401);
  });

  it("turns writes off (403 saying so) on a server without BRIEFMAP_ADMIN_TOKEN; reads still work", async () => {
    const other = tempDatabase();
    const closed = await startServer(other.url, { BRIEFMAP_ADMIN_TOKEN: "" });
    try {
      const answer = await call(closed.url, "POST", "/api/events", { body: eventBody("writes-when-off") });
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toMatch(/BRIEFMAP_ADMIN_TOKEN/);
      expect((await call(closed.url, "DELETE", "/api/events/paris-talks")).status).toBe(403);
      expect((await call(closed.url, "GET", "/api/events/paris-talks", { token: null })).status).toBe(200);
      expect((await call(closed.url, "GET", "/api/events/writes-when-off", { token: null })).status).toBe(404);
    } finally {
      await closed.stop();
      other.remove();
    }
  });
});
