/**
 * JSON Merge Patch (RFC 7396 §2): objects merge key by key, `null` removes a key, anything else
 * (arrays included) replaces. Written here from the RFC's ten-line algorithm rather than taken from
 * a package: the npm ones are unmaintained or untyped, and this is the whole of it.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    // defineProperty, so a "__proto__" key stays a plain (and then refused) field, never a prototype.
    else Object.defineProperty(result, key, { value: applyMergePatch(result[key], value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
