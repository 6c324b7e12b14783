import type { Feature } from "geojson";
import KDBush from "kdbush";
import type { LoadedEvent } from "@/lib/model/event";
import { eventMatcher, fold, foldedText, inBBox, type EventFilter } from "./filter";
import { layerMembers } from "./index-layer";
import { TextIndex } from "./index-text";
import { dayKey, TimeIndex } from "./index-time";

/**
 * Round 1's in-memory index. No page or route uses it any more (they read the store); it stays as
 * the reference the benchmarks compare the store with (issue 11), tested against `filterEvents`.
 *
 * `filterEvents` for a loaded event set: the same events in the same (data) order, found without
 * visiting every event. The index is built on the first query of a set and kept while the set
 * lives; it assumes, as holds for loaded data, that neither the array nor its events change.
 */
export function findEvents(events: readonly LoadedEvent[], filter: EventFilter): LoadedEvent[] {
  let index = indexes.get(events);
  if (!index) indexes.set(events, (index = new EventIndex(events)));
  return index.find(filter);
}

const indexes = new WeakMap<readonly LoadedEvent[], EventIndex>();

/** A source of candidates holding at most this share of the set is taken without looking further. */
const SMALL_SHARE = 1 / 8;

/**
 * Each filter's field in a typed column by position (markers, day keys, type codes), a time
 * index, a k-d tree of markers, ids, and layer membership once asked for. A query takes its
 * candidates from the narrowest of these, checks them on the columns, and decides each remaining
 * one with `eventMatcher`, the very test `filterEvents` applies, so the index can only make the
 * work smaller, never the answer different.
 */
export class EventIndex {
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** 1 where both days have keys; other events are candidates of every window. */
  private readonly keyed: Uint8Array;
  private readonly type: Uint16Array;
  private readonly typeCodes = new Map<string, number>();
  private readonly byId = new Map<string, number[]>();
  private readonly time: TimeIndex;
  private readonly unkeyed: number[] = [];
  private readonly points: KDBush | undefined;
  /** Positions in the data of the k-d tree's items, by item number. */
  private readonly placed: Uint32Array;
  /** Events the k-d tree does not hold (a marker that is not a finite position). */
  private readonly unplaced: number[] = [];
  private readonly members = new WeakMap<Feature[], Map<string, Uint8Array>>();
  private text: TextIndex | undefined;

  constructor(private readonly events: readonly LoadedEvent[]) {
    const n = events.length;
    [this.lon, this.lat] = [new Float64Array(n), new Float64Array(n)];
    [this.start, this.end] = [new Int32Array(n), new Int32Array(n)];
    [this.keyed, this.type] = [new Uint8Array(n), new Uint16Array(n)];
    const placed: number[] = [];
    events.forEach((e, i) => {
      const [lon, lat] = e.place.point;
      this.lon[i] = lon;
      this.lat[i] = lat;
      if (Number.isFinite(lon) && Number.isFinite(lat)) placed.push(i);
      else this.unplaced.push(i);
      const start = dayKey(e.time.start);
      const end = dayKey(e.time.end);
      if (start !== undefined && end !== undefined && start <= end) {
        this.start[i] = start;
        this.end[i] = end;
        this.keyed[i] = 1;
      } else {
        this.unkeyed.push(i);
      }
      this.type[i] = this.typeCode(e.type);
      const same = this.byId.get(e.id);
      if (same) same.push(i);
      else this.byId.set(e.id, [i]);
    });
    this.time = new TimeIndex(this.start, this.end, this.keyed);
    if (placed.length > 0) {
      const tree = new KDBush(placed.length);
      for (const i of placed) tree.add(this.lon[i]!, this.lat[i]!);
      this.points = tree.finish();
      this.placed = Uint32Array.from(placed);
    } else {
      this.placed = new Uint32Array(0);
    }
  }

  find(filter: EventFilter): LoadedEvent[] {
    const from = filter.from ? dayKey(filter.from) : undefined;
    const to = filter.to ? dayKey(filter.to) : undefined;
    const types = this.typeMask(filter.types);
    const members = filter.layer ? this.layerMembers(filter.layer.id, filter.layer.features) : undefined;
    // The layer has been decided above, from the same rules; the matcher decides the rest.
    const matches = eventMatcher({ ...filter, layer: undefined });
    const { bbox } = filter;
    const keep = (i: number): boolean =>
      !(this.keyed[i] && ((from !== undefined && this.end[i]! < from) || (to !== undefined && this.start[i]! > to))) &&
      (!bbox || inBBox(this.lon[i]!, this.lat[i]!, bbox)) &&
      (!types || types[this.type[i]!] === 1) &&
      (!members || members[i] === 1) &&
      matches(this.events[i]!);
    const positions = this.candidates(filter, from, to);
    if (positions === "all") return this.events.filter((_, i) => keep(i));
    return ascending(positions.filter(keep)).map((i) => this.events[i]!);
  }

  /**
   * Positions that may match (a superset), from the narrowest source at hand: one id's events; a
   * small time window, whose size is known before any event is visited; a small bbox; the events
   * whose text holds `q`; a large bbox or window; else all, in data order.
   */
  private candidates(filter: EventFilter, from: number | undefined, to: number | undefined): number[] | "all" {
    const small = this.events.length * SMALL_SHARE;
    if (filter.id) return this.byId.get(filter.id) ?? [];
    const windowed = from !== undefined || to !== undefined;
    const windowSize = windowed ? this.time.count(from, to) + this.unkeyed.length : Infinity;
    if (windowSize <= small) return this.inWindow(from, to);
    const box = filter.bbox?.every(Number.isFinite) ? this.inBox(...filter.bbox) : undefined;
    if (box && box.length <= small) return box;
    const text = filter.q ? this.withText(fold(filter.q)) : undefined;
    if (text) return text;
    if (box) return box;
    if (windowed) return this.inWindow(from, to);
    return "all";
  }

  private inWindow(from: number | undefined, to: number | undefined): number[] {
    const out = [...this.unkeyed];
    this.time.candidates(from, to, out);
    return out;
  }

  /** Events whose folded text contains the needle; the text index is built on the first search. */
  private withText(needle: string): number[] | undefined {
    this.text ??= new TextIndex(this.events.map(foldedText));
    return this.text.containing(needle);
  }

  /** Positions of the markers in a box; a box whose west edge is east of its east edge crosses the antimeridian. */
  private inBox(w: number, s: number, e: number, n: number): number[] {
    const items = w <= e ? this.rangeOf(w, s, e, n) : [...this.rangeOf(w, s, Infinity, n), ...this.rangeOf(-Infinity, s, e, n)];
    return [...items, ...this.unplaced];
  }

  private rangeOf(minX: number, minY: number, maxX: number, maxY: number): number[] {
    return this.points ? this.points.range(minX, minY, maxX, maxY).map((item) => this.placed[item]!) : [];
  }

  private layerMembers(layer: string, features: Feature[]): Uint8Array {
    let byLayer = this.members.get(features);
    if (!byLayer) this.members.set(features, (byLayer = new Map()));
    let members = byLayer.get(layer);
    if (!members) byLayer.set(layer, (members = layerMembers(this.events, layer, features, (...box) => this.inBox(...box))));
    return members;
  }

  private typeCode(type: string): number {
    let code = this.typeCodes.get(type);
    if (code === undefined) this.typeCodes.set(type, (code = this.typeCodes.size));
    return code;
  }

  /** Allowed type codes, or undefined when types do not filter. */
  private typeMask(types: readonly string[] | undefined): Uint8Array | undefined {
    if (!types || types.length === 0) return undefined;
    const mask = new Uint8Array(this.typeCodes.size);
    for (const t of types) {
      const code = this.typeCodes.get(t);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }
}

/** Sorted ascending without duplicates: candidates from several ranges come back in data order. */
function ascending(positions: number[]): number[] {
  const sorted = Uint32Array.from(positions).sort();
  const out: number[] = [];
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) out.push(sorted[k]!);
  return out;
}
