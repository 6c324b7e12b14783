/** One thing wrong with a written body, named by its field path (e.g. `sources[0].start`). */
export type FieldProblem = { field: string; rule?: string; message: string };

/**
 * A request the client must change before it can succeed (bad body, missing token, stale version).
 * Write routes throw it; `writeRoute` turns it into its status and a JSON error naming the field.
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { field?: string; param?: string; problems?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "RequestError";
  }

  response(): Response {
    const { field, param, problems, headers } = this.details;
    const error = { ...(param ? { param } : {}), ...(field ? { field } : {}), message: this.message, ...(problems?.length ? { problems } : {}) };
    return new Response(JSON.stringify({ error }), {
      status: this.status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
    });
  }
}
