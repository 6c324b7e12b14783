/** JSON answers of the HTTP API; error bodies always say which parameter and what was wrong. */
import { StoreError, storeErrorResponse } from "./store-errors";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
const GEOJSON_HEADERS = { "content-type": "application/geo+json; charset=utf-8" };

export function json(body: unknown, init?: ResponseInit): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { ...JSON_HEADERS, ...init?.headers } });
}

export function geojson(body: unknown, init?: ResponseInit): Response {
  return geojsonText(JSON.stringify(body), init);
}

/** A GeoJSON answer whose JSON text is already written (e.g. from texts cached per feature, or bytes cached per layer). */
export function geojsonText(text: string | Uint8Array<ArrayBuffer>, init?: ResponseInit): Response {
  return new Response(text, { ...init, headers: { ...GEOJSON_HEADERS, ...init?.headers } });
}

const encoded = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/**
 * The UTF-8 JSON of a value that never changes while the server runs (a loaded layer), written once.
 * A layer of 2 MB cost the server about 0.3 s of CPU per request as a string body (serialising, then
 * streaming it through compression in small pieces); as one buffer it goes through in one piece.
 */
export function jsonBytesOnce(value: object): Uint8Array<ArrayBuffer> {
  let bytes = encoded.get(value);
  if (!bytes) encoded.set(value, (bytes = new TextEncoder().encode(JSON.stringify(value))));
  return bytes;
}

export function badRequest(param: string, message: string): Response {
  return json({ error: { param, message } }, { status: 400 });
}

export function notFound(message: string): Response {
  return json({ error: { message } }, { status: 404 });
}

/** A parameter the client got wrong; route handlers turn it into a 400. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a handler so that a bad parameter is a 400 and nothing a client sends can become a 500. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ParamError) return badRequest(error.param, error.message);
    if (error instanceof StoreError) return storeErrorResponse(error);
    console.error("[briefmap api]", error);
    return json({ error: { message: "internal error" } }, { status: 500 });
  }
}
