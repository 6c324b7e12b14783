/**
 * Bounds on what a data file may hold. Each stops one kind of file from taking the server down
 * (deep recursion while serialising, stack overflow while parsing); SECURITY.md lists them.
 */

/** Deepest nesting of arrays and objects in any JSON file (a MultiPolygon needs 7 with its collection). */
export const MAX_JSON_DEPTH = 100;

/** Deepest nesting of a feature's `properties`, counted from the properties object itself (1). */
export const MAX_PROPERTIES_DEPTH = 64;
