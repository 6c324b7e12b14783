/** JSON answers of the HTTP API; error bodies always say which parameter and what was wrong. */
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
const GEOJSON_HEADERS = { "content-type": "application/geo+json; charset=utf-8" };

export function json(body: unknown, init?: ResponseInit): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { ...JSON_HEADERS, ...init?.headers } });
}

export function geojson(body: unknown, init?: ResponseInit): Response {
  return geojsonText(JSON.stringify(body), init);
}

/** A GeoJSON answer whose JSON text is already written (e.g. from texts cached per feature). */
export function geojsonText(text: string, init?: ResponseInit): Response {
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

/** Runs a handler so that a bad parameter is a 400 and nothing a client sends can become a 500. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ParamError) return badRequest(error.param, error.message);
    console.error("[briefmap api]", error);
    return json({ error: { message: "internal error" } }, { status: 500 });
  }
}
