import type { LoadedEvent } from "./event";

/** Events in time order: by start, then end, then id, so equal dates list the same way everywhere. */
export function byTime(a: LoadedEvent, b: LoadedEvent): number {
  return a.time.start.localeCompare(b.time.start) || a.time.end.localeCompare(b.time.end) || a.id.localeCompare(b.id);
}
