import { RequestError } from "./request-error";

/** The largest body each kind of write accepts; a layer carries its whole FeatureCollection. */
export const BODY_LIMITS = {
  event: 1024 * 1024,
  article: 2 * 1024 * 1024,
  layer: 10 * 1024 * 1024,
} as const;

export type BodyOptions = {
  /** Bytes; more is a 413. */
  limit: number;
  /** Media types accepted (without parameters), e.g. application/json. */
  types: readonly string[];
};

/**
 * Reads a JSON request body without ever holding more than `limit` bytes of it: refused by its
 * Content-Length when that already says too much, and by counting bytes as they arrive otherwise
 * (a chunked body, or a Content-Length that lies). The body must be UTF-8 JSON of an accepted type.
 */
export async function readJsonBody(request: Request, { limit, types }: BodyOptions): Promise<unknown> {
  checkContentType(request.headers.get("content-type"), types);
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);

  const bytes = await readAtMost(request, limit);
  if (bytes.length === 0) throw new RequestError(400, "the request has no body; send the JSON document", { field: "body" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RequestError(400, "the body is not valid UTF-8", { field: "body" });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, `the body is not valid JSON: ${(error as Error).message}`, { field: "body" });
  }
}

function checkContentType(header: string | null, types: readonly string[]): void {
  const [type = "", ...params] = (header ?? "").split(";").map((s) => s.trim().toLowerCase());
  if (!types.includes(type)) {
    throw new RequestError(415, `expected Content-Type ${types.join(" or ")}, got ${header ? JSON.stringify(header) : "none"}`, {
      field: "Content-Type",
    });
  }
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    throw new RequestError(415, `only UTF-8 bodies are accepted, not charset=${charset}`, { field: "Content-Type" });
  }
}

export async function readAtMost(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading: what the client still sends is dropped, never buffered.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, `the body is larger than this endpoint's limit of ${formatBytes(limit)}`, { field: "body" });
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`);
