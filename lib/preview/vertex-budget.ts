/**
 * How many path vertices one preview may draw. resvg turns the SVG into a PNG in the request; a
 * 50 MB layer drawn whole made it fail with an empty reply. 60,000 vertices is far more than a
 * 1200×630 picture can show (after dropping sub-pixel steps) and renders in well under a second.
 */
export const MAX_PREVIEW_VERTICES = 60_000;

/** Vertices still allowed; layers take from it and give back what they took when they are skipped. */
export type VertexBudget = { left: number };
