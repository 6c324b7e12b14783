import type { Feature } from "geojson";
import type { EventType } from "@/lib/model/event-types";
import type { BBox } from "@/lib/model/layer-summary";
import type { EventFilter } from "@/lib/events/filter";
import { EVENT_TYPES } from "@/lib/model/event-types";
import { isEventType, MAX_LIST_ITEMS, MAX_QUERY_LENGTH, parseDay, parseSlug, splitList } from "@/lib/view/values";
import { EVENT_DETAILS, type EventDetail } from "@/lib/events/to-feature";
import { ParamError } from "./responses";

const KNOWN = ["bbox", "from", "to", "types", "q", "layer", "id", "detail"] as const;

/** Raw values longer than this are refused before any parsing work. */
const MAX_RAW_LENGTH = 1000;

/**
 * Reads `/api/events` parameters strictly: any value that is present but wrong throws a ParamError
 * naming it. `layerFeatures` looks up a layer's features (undefined for an unknown layer).
 */
export function readEventQuery(params: URLSearchParams, layerFeatures: (id: string) => Feature[] | undefined): EventFilter & { detail: EventDetail } {
  const raw: Partial<Record<(typeof KNOWN)[number], string>> = {};
  for (const name of KNOWN) {
    const all = params.getAll(name);
    if (all.length > 1) throw new ParamError(name, `"${name}" is given ${all.length} times; give it once`);
    if (all[0] !== undefined && all[0].length > MAX_RAW_LENGTH) throw new ParamError(name, `"${name}" is ${all[0].length} characters long; at most ${MAX_RAW_LENGTH} are accepted`);
    if (all[0] !== undefined && all[0] !== "") raw[name] = all[0];
  }
  const filter: EventFilter & { detail: EventDetail } = { detail: "full" };
  if (raw.bbox !== undefined) filter.bbox = readBBox(raw.bbox);
  if (raw.from !== undefined) filter.from = readDay("from", raw.from);
  if (raw.to !== undefined) filter.to = readDay("to", raw.to);
  if (filter.from && filter.to && filter.from > filter.to) throw new ParamError("to", `"to" (${filter.to}) is before "from" (${filter.from})`);
  if (raw.types !== undefined) filter.types = readTypes(raw.types);
  if (raw.q !== undefined) {
    const q = raw.q.trim();
    if (q.length > MAX_QUERY_LENGTH) throw new ParamError("q", `"q" is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted`);
    if (q) filter.q = q;
  }
  if (raw.id !== undefined) {
    const id = parseSlug(raw.id);
    if (!id) throw new ParamError("id", `"${clip(raw.id)}" is not an event id`);
    filter.id = id;
  }
  if (raw.detail !== undefined) {
    const detail = EVENT_DETAILS.find((d) => d === raw.detail);
    if (!detail) throw new ParamError("detail", `"${clip(raw.detail)}" is not one of ${EVENT_DETAILS.join(", ")}`);
    filter.detail = detail;
  }
  if (raw.layer !== undefined) {
    const id = parseSlug(raw.layer);
    const features = id ? layerFeatures(id) : undefined;
    if (!id || !features) throw new ParamError("layer", `unknown layer "${clip(raw.layer)}"`);
    filter.layer = { id, features };
  }
  return filter;
}

function readBBox(value: string): BBox {
  const parts = value.split(",");
  const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : NaN));
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw new ParamError("bbox", "expected four numbers W,S,E,N in degrees, e.g. bbox=35.5,32.5,36.5,33.5");
  }
  const [w, s, e, n] = numbers as BBox;
  if (Math.abs(w) > 180 || Math.abs(e) > 180) throw new ParamError("bbox", "west and east must be within -180..180");
  if (Math.abs(s) > 90 || Math.abs(n) > 90) throw new ParamError("bbox", "south and north must be within -90..90");
  if (s > n) throw new ParamError("bbox", `south (${s}) is north of north (${n})`);
  return [w, s, e, n];
}

function readDay(param: "from" | "to", value: string): string {
  const day = parseDay(value);
  if (!day) throw new ParamError(param, `"${clip(value)}" is not a calendar date written YYYY-MM-DD`);
  return day;
}

function readTypes(value: string): EventType[] {
  const list = splitList(value).filter(Boolean);
  if (list.length > MAX_LIST_ITEMS) throw new ParamError("types", `at most ${MAX_LIST_ITEMS} types are accepted`);
  const unknown = list.filter((t) => !isEventType(t));
  if (unknown.length > 0) throw new ParamError("types", `unknown event type(s) ${unknown.map((t) => `"${clip(t)}"`).join(", ")}; known: ${EVENT_TYPES.join(", ")}`);
  return list as EventType[];
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
