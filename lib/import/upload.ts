import { RequestError } from "@/lib/api/request-error";

/** Largest upload the web import takes; larger files go through `npm run import`, which has no limit. */
export function maxUploadBytes(): number {
  const n = Number(process.env.BRIEFMAP_IMPORT_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 512 * 1024 * 1024;
}

/**
 * The request body as a byte stream that stops at `limit`: refused by Content-Length when it says
 * more, and cut off while counting otherwise, so that no upload is ever buffered whole.
 */
export async function* uploadBytes(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        // A body that ends short of what it declared was cut on the way: importing it would import part of a file.
        if (declared !== null && /^\d+$/.test(declared) && size !== Number(declared)) {
          throw new RequestError(400, `the upload ended after ${size} of ${declared} bytes; nothing was written, send the file again`, { field: "body" });
        }
        return;
      }
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The whole body (layers are saved in one piece), at most `limit` bytes. */
export async function uploadWhole(request: Request, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of uploadBytes(request, limit)) {
    chunks.push(c);
    size += c.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function tooLarge(limit: number): RequestError {
  return new RequestError(413, `the file is larger than the web import's limit of ${Math.round(limit / 1024 / 1024)} MB; import it with npm run import, which streams any size`, { field: "body" });
}
