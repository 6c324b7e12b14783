import "server-only";
import { createHash } from "node:crypto";
import type { EventQuery } from "@/lib/model/event-query";
import type { TileAddress } from "./tile-address";

/** Bytes of tiles kept in memory at most; the oldest used go first. */
const MAX_BYTES = 64 * 1024 * 1024;

export type CachedTile = { bytes: Uint8Array; etag: string };

/**
 * Tiles made for one store revision, filter and address. The revision is part of the key, so a
 * write (which raises it) makes every later request miss and see the new data at once; the old
 * entries age out. Concurrent requests for one tile share one computation.
 */
class TileCache {
  private readonly done = new Map<string, CachedTile>();
  private readonly running = new Map<string, Promise<CachedTile>>();
  private bytes = 0;

  async get(key: string, make: () => Promise<Uint8Array>): Promise<CachedTile> {
    const hit = this.done.get(key);
    if (hit) {
      // Map order is use order: move it to the end.
      this.done.delete(key);
      this.done.set(key, hit);
      return hit;
    }
    const pending = this.running.get(key);
    if (pending) return pending;
    const work = make()
      .then((bytes) => {
        const tile = { bytes, etag: `"${createHash("sha1").update(key).digest("base64url").slice(0, 20)}"` };
        this.keep(key, tile);
        return tile;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, work);
    return work;
  }

  private keep(key: string, tile: CachedTile) {
    this.done.set(key, tile);
    this.bytes += tile.bytes.byteLength + key.length;
    for (const [oldKey, old] of this.done) {
      if (this.bytes <= MAX_BYTES) break;
      this.done.delete(oldKey);
      this.bytes -= old.bytes.byteLength + oldKey.length;
    }
  }
}

const KEY = Symbol.for("briefmap.tile-cache");
const holder = globalThis as typeof globalThis & { [KEY]?: TileCache };

/** The process's one tile cache. */
export const tileCache = (): TileCache => (holder[KEY] ??= new TileCache());

/** One key per store kind, revision, address and filter (fields in a fixed order, types sorted). */
export function tileKey(store: string, revision: number, tile: TileAddress, query: EventQuery): string {
  const filter = [query.from, query.to, query.types ? [...query.types].sort().join(",") : undefined, query.q, query.layer, query.article, query.id];
  return `${store}@${revision}/${tile.z}/${tile.x}/${tile.y}?${JSON.stringify(filter)}`;
}
