import { StoreError } from "@/lib/store/store";
import { withinRequestBudget } from "./time-budget";

/** JSON answers of the HTTP API; error bodies always say which parameter and what was wrong. */
import { storeErrorResponse } from "./store-errors";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
const GEOJSON_HEADERS = { "content-type": "application/geo+json; charset=utf-8" };

export function json(body: unknown, init?: ResponseInit): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { ...JSON_HEADERS, ...init?.headers } });
}

export function geojson(body: unknown, init?: ResponseInit): Response {
  return geojsonText(JSON.stringify(body), init);
}

/** A GeoJSON answer whose JSON text is already written (e.g. from texts cached per feature, or bytes cached per layer). */
export function geojsonText(text: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, init?: ResponseInit): Response {
  return new Response(text, { ...init, headers: { ...GEOJSON_HEADERS, ...init?.headers } });
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

/** The store could not be reached in time: the client may retry later; nothing about the cause leaks. */
export function unavailable(): Response {
  return json({ error: { message: "the data store is unavailable; try again in a moment" } }, { status: 503, headers: { "retry-after": "5" } });
}

/**
 * Runs a handler so that a bad parameter is a 400, a store that cannot be reached a 503, and
 * nothing a client sends can become a 500.
 */
export async function answer(handler: () => Promise<Response>, options: { budget?: boolean } = {}): Promise<Response> {
  try {
    return await (options.budget === false ? handler() : withinRequestBudget(handler));
  } catch (error) {
    if (error instanceof ParamError) return badRequest(error.param, error.message);
    if (error instanceof StoreError && (error.code === "unavailable" || error.code === "timeout")) {
      console.error("[briefmap api] data store:", error.message);
      return unavailable();
    }
    if (error instanceof StoreError && error.code === "not-found") return notFound(error.message);
    if (error instanceof StoreError) return storeErrorResponse(error);
    console.error("[briefmap api]", error);
    return json({ error: { message: "internal error" } }, { status: 500 });
  }
}
