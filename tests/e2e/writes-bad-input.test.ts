import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextServer } from "./harness/next-server";
import { articleBody, call, eventBody, lastAuditId, layerBody, startServer, tempDatabase, TOKEN, type Answer } from "./writes-client";

/*
 * Bad input to the write API: each case answers 400/409/413/415 with an error naming the field,
 * and the store is as it was (no audit entry, nothing readable under the id, neighbours unchanged).
 */

let server: NextServer;
let db: ReturnType<typeof tempDatabase>;
const base = () => server.url;
const SQL = `Robert'); DROP TABLE events; -- " OR 1=1; SELECT * FROM sqlite_master; /*`;

beforeAll(async () => {
  db = tempDatabase();
  server = await startServer(db.url);
});
afterAll(async () => {
  await server?.stop();
  db?.remove();
});

/** Sends a bad write and checks the answer and that nothing was written. */
async function refused(send: () => Promise<Answer>, status: number, field: string | RegExp, id?: string): Promise<Answer> {
  const auditBefore = await lastAuditId(base());
  const seedBefore = await call(base(), "GET", "/api/events/paris-talks");
  const answer = await send();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(typeof answer.body.error.message).toBe("string");
  if (typeof field === "string") expect(answer.body.error.field ?? answer.body.error.param).toBe(field);
  else expect(answer.body.error.field ?? answer.body.error.param).toMatch(field);
  expect(await lastAuditId(base())).toBe(auditBefore);
  const seedAfter = await call(base(), "GET", "/api/events/paris-talks");
  expect(seedAfter.body).toEqual(seedBefore.body);
  expect(seedAfter.headers.get("etag")).toBe(seedBefore.headers.get("etag"));
  if (id) expect((await call(base(), "GET", `/api/events/${id}`)).status).toBe(404);
  return answer;
}

describe("malformed bodies", () => {
  it("malformed JSON is a 400 naming the body", async () => {
    await refused(() => call(base(), "POST", "/api/events", { raw: '{"id": "half-written", "title": ' }), 400, "body");
    await refused(() => call(base(), "POST", "/api/layers", { raw: "" }), 400, "body");
    await refused(() => call(base(), "POST", "/api/events", { raw: "[1, 2, 3]" }), 400, "body");
  });

  it("a body that is not UTF-8 is a 400", async () => {
    const auditBefore = await lastAuditId(base());
    const response = await fetch(`${base()}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: Buffer.concat([Buffer.from('{"id": "latin1", "title": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/UTF-8/);
    expect(await lastAuditId(base())).toBe(auditBefore);
  });

  it("a wrong or missing content type is a 415 naming Content-Type", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("as-text"), type: "text/plain" }), 415, "Content-Type", "as-text");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("untyped"), type: null }), 415, "Content-Type", "untyped");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("latin"), type: "application/json; charset=latin1" }), 415, "Content-Type", "latin");
  });

  it("an unknown field, at any depth, is a 400 naming it", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: { ...eventBody("misspelt"), sumary: "typo" } }), 400, "sumary", "misspelt");
    const time = { ...eventBody("x").time, when: "yesterday" };
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("nested-unknown", { time }) }), 400, "time.when", "nested-unknown");
    const sources = [{ ...eventBody("x").sources[0], page: 3 }];
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("source-unknown", { sources }) }), 400, "sources[0].page", "source-unknown");
    await refused(() => call(base(), "POST", "/api/articles", { body: { ...articleBody("article-unknown"), textFile: "x.txt" } }), 400, "textFile");
    await refused(() => call(base(), "POST", "/api/layers", { body: { ...layerBody("layer-unknown"), file: "x.geojson" } }), 400, "file");
  });

  it("a field of the wrong kind is a 400 naming it", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("bad-type", { type: "picnic" }) }), 400, "type", "bad-type");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("bad-date", { time: { ...eventBody("x").time, start: "19 August" } }) }), 400, "time.start", "bad-date");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("no-sources", { sources: [] }) }), 400, "sources", "no-sources");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("Not A Slug") }), 400, "id");
  });

  it("a body id other than the path's is a 400 naming id", async () => {
    await refused(() => call(base(), "PUT", "/api/events/paris-talks", { body: eventBody("another-id") }), 400, "id");
    await refused(() => call(base(), "PATCH", "/api/events/paris-talks", { body: { id: "renamed" } }), 400, "id");
  });
});

describe("rules that need the rest of the data", () => {
  it("a quote not in the article, or not at its offsets, is a 400 naming the source", async () => {
    const missing = [{ start: 0, end: 20, quote: "Nothing like this is" }];
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("made-up-quote", { sources: missing }) }), 400, /^sources\[0\]/, "made-up-quote");
    const shifted = [{ ...eventBody("x").sources[0]!, start: 5, end: 201 }];
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("shifted-quote", { sources: shifted }) }), 400, /^sources\[0\]/, "shifted-quote");
  });

  it("a place that does not exist, or an unknown article, is a 400 naming it", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("nowhere", { where: { layer: "paris", feature: "atlantis" } }) }), 400, /^where/, "nowhere");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("about-nowhere", { about: [{ layer: "no-such-layer", feature: "x" }] }) }), 400, /^about\[0\]/, "about-nowhere");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("orphan", { article: "no-such-article" }) }), 400, /^article/, "orphan");
  });

  it("a duplicate id is a 409, and the existing thing is unchanged", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("paris-talks") }), 409, "id");
    await refused(() => call(base(), "POST", "/api/articles", { body: articleBody("syria-israel-paris-talks-2025-08-20") }), 409, "id");
    await refused(() => call(base(), "POST", "/api/layers", { body: layerBody("paris") }), 409, "id");
  });

  it("broken geometry is a 400 naming the feature, and the layer is not created", async () => {
    const body = layerBody("bow-tie");
    const bowTie = { ...body.data.features[0]!, geometry: { type: "Polygon", coordinates: [[[36, 33], [36.1, 33.1], [36.1, 33], [36, 33.1], [36, 33]]] } };
    await refused(() => call(base(), "POST", "/api/layers", { body: { ...body, data: { type: "FeatureCollection", features: [bowTie] } } }), 400, /square|features|data/);
    const posted = await call(base(), "POST", "/api/events", { body: eventBody("in-bow-tie", { where: { layer: "bow-tie", feature: "square" } }) });
    expect(posted.status).toBe(400);
  });
});

describe("sizes", () => {
  it("a body over the limit by its Content-Length is a 413", async () => {
    const huge = eventBody("too-long", { summary: "x".repeat(2 * 1024 * 1024) });
    await refused(() => call(base(), "POST", "/api/events", { body: huge }), 413, "body", "too-long");
  });

  it("a 50 MB chunked body (no Content-Length) is a 413, and the server keeps answering", async () => {
    const auditBefore = await lastAuditId(base());
    const status = await sendChunked(`${base()}/api/layers`, 50 * 1024 * 1024);
    expect(status).toBe(413);
    expect(await lastAuditId(base())).toBe(auditBefore);
    expect((await call(base(), "GET", "/api/events/paris-talks")).status).toBe(200);
  });
});

describe("SQL-looking strings", () => {
  it("are stored verbatim in every free-text field of an event, article and layer, and harm nothing", async () => {
    const auditBefore = await lastAuditId(base());
    const text = `${SQL} Officials met. ${SQL}`;
    const article = articleBody("sql-article", { title: SQL, titleNote: SQL, publisher: SQL, text });
    const createdArticle = await call(base(), "POST", "/api/articles", { body: article });
    expect(createdArticle.status, JSON.stringify(createdArticle.body)).toBe(201);
    expect(createdArticle.body).toMatchObject(article);

    const layer = layerBody("sql-layer", {
      title: SQL,
      description: SQL,
      labelProperty: SQL,
      provenance: { source: SQL, licence: SQL, attribution: SQL, date: SQL, accuracy: SQL, status: SQL, approximate: true },
    });
    layer.data.features[0]!.properties = { [SQL]: SQL } as never;
    const createdLayer = await call(base(), "POST", "/api/layers", { body: layer });
    expect(createdLayer.status, JSON.stringify(createdLayer.body)).toBe(201);
    expect(createdLayer.body).toMatchObject({ title: SQL, description: SQL, provenance: layer.provenance });

    const event = eventBody("sql-event", {
      article: "sql-article",
      title: SQL,
      summary: SQL,
      actors: [SQL, SQL],
      time: { phrase: SQL, precision: "day", start: "2025-08-19", end: "2025-08-19", bound: "exact", note: SQL },
      where: { name: SQL, point: [36.2765, 33.5138], note: SQL },
      about: [{ layer: "sql-layer", feature: "square", note: SQL }],
      sources: [{ start: 0, end: SQL.length, quote: SQL }],
    });
    const createdEvent = await call(base(), "POST", "/api/events", { body: event });
    expect(createdEvent.status, JSON.stringify(createdEvent.body)).toBe(201);
    expect((await call(base(), "GET", "/api/events/sql-event")).body).toEqual(event);
    expect((await call(base(), "PATCH", "/api/articles/sql-article", { body: {} })).body).toMatchObject(article);

    // Exactly these four writes happened (the empty PATCH rewrote the article as it was), newest first.
    const log = await call(base(), "GET", "/api/audit?limit=10");
    const since = log.body.entries.filter((e: { id: number }) => e.id > auditBefore);
    expect(since.map((e: { entityId: string }) => e.entityId)).toEqual(["sql-article", "sql-event", "sql-layer", "sql-article"]);
    expect((await call(base(), "GET", "/api/events/paris-talks")).status).toBe(200);
  });

  it("in a field that only takes a slug or a word, are a 400 naming it", async () => {
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("x", { id: SQL }) }), 400, "id");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("sql-type", { type: SQL }) }), 400, "type", "sql-type");
    await refused(() => call(base(), "POST", "/api/events", { body: eventBody("sql-article-ref", { article: SQL }) }), 400, "article", "sql-article-ref");
    await refused(() => call(base(), "GET", `/api/audit?entity=${encodeURIComponent(SQL)}`), 400, "entity");
    const log = await call(base(), "GET", `/api/audit?id=${encodeURIComponent(SQL)}&actor=${encodeURIComponent(SQL)}`);
    expect(log.body).toEqual({ entries: [], next: null });
  });
});

/** Streams `bytes` of a JSON-looking body with chunked transfer encoding; resolves with the status. */
function sendChunked(url: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    req.write('{"id": "huge", "description": "');
    const pump = () => {
      while (sent < bytes && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end('"}');
    };
    pump();
  });
}
