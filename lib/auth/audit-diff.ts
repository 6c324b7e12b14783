/** One changed value of an audit entry: its path (e.g. `time.start`, `sources[0].quote`) and both sides. */
export type Change = { path: string; before?: unknown; after?: unknown };

const MAX_CHANGES = 40;

/**
 * What differs between a thing's stored form before and after a write, leaf by leaf. Written here
 * rather than taken from a diff library: the audit page needs only the changed paths of two
 * small JSON documents, and a layer's features are summarised, not walked.
 */
export function auditChanges(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  walk("", before, after, changes);
  return changes.slice(0, MAX_CHANGES);
}

function walk(path: string, a: unknown, b: unknown, out: Change[]): void {
  if (out.length >= MAX_CHANGES) return;
  if (isBig(path)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: summary(a), after: summary(b) });
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path ? `${path}.${key}` : key, a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || "(whole)", before: a, after: b });
}

/** A layer's features and an article's text are shown by size, not in full. */
function isBig(path: string): boolean {
  return path === "data" || path === "text";
}

function summary(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === "string") return `${value.length} characters`;
  const features = (value as { features?: unknown[] })?.features;
  return Array.isArray(features) ? `${features.length} features` : "…";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as the audit page prints it: short JSON, cut at `max` characters. */
export function shortValue(value: unknown, max = 160): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
