import { inflateRawSync } from "node:zlib";
import { ImportRefused } from "../record";

/** Largest total a zip may unpack to, and the largest unpacked/packed ratio: a zip bomb stops at either. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_RATIO = 200;

/**
 * The files of a zip, unpacked with the output capped: each entry is inflated with zlib's
 * maxOutputLength set to what the budget has left, so that a bomb is stopped while inflating, not
 * after; the declared sizes in the zip's directory are not trusted.
 */
export async function unzipGuarded(zip: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, Uint8Array>> {
  const budget = Math.min(MAX_UNZIPPED_BYTES, Math.max(1 << 20, zip.length * MAX_RATIO));
  let used = 0;
  const files = new Map<string, Uint8Array>();
  const inflate = (raw: Uint8Array) => {
    try {
      return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget - used) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw bomb(budget);
      throw new ImportRefused(`the zip cannot be unpacked: ${(error as Error).message}`);
    }
  };
  // An ES module only: loaded when a zip is read.
  const { iter } = await import("but-unzip");
  let entries;
  try {
    entries = [...iter(zip, inflate)];
  } catch (error) {
    throw new ImportRefused(`this is not a readable zip file (${(error as Error).message})`);
  }
  for (const entry of entries) {
    if (entry.filename.includes("__MACOSX") || entry.filename.endsWith("/") || !wanted(entry.filename)) continue;
    const bytes = await entry.read();
    used += bytes.length;
    if (used > budget) throw bomb(budget);
    files.set(entry.filename, bytes);
  }
  return files;
}

function bomb(budget: number): ImportRefused {
  return new ImportRefused(`the zip unpacks to more than ${Math.round(budget / 1024 / 1024)} MB (or more than ${MAX_RATIO} times its own size): refused as a possible zip bomb`);
}
