import Flatbush from "flatbush";
import type { Position } from "geojson";

/**
 * The first place where two edges of a polygon's rings run along each other (a ring that goes back
 * over its own edge, a spike, or a hole sharing an edge with its shell), or undefined.
 * Sweep-line intersection finders report crossings, not collinear overlaps, so a ring that retraces
 * itself passed as simple although its interior is empty there. Edges are indexed by their boxes,
 * so only edges that can touch are compared.
 */
export function retracedEdge(rings: Position[][]): { at: Position; rings: [number, number] } | undefined {
  const edges: { a: Position; b: Position; ring: number }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) edges.push({ a, b, ring: r });
    }
  });
  if (edges.length < 2) return undefined;
  const index = new Flatbush(edges.length);
  for (const { a, b } of edges) index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
  index.finish();
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const near = index.search(Math.min(e.a[0]!, e.b[0]!), Math.min(e.a[1]!, e.b[1]!), Math.max(e.a[0]!, e.b[0]!), Math.max(e.a[1]!, e.b[1]!));
    for (const j of near) {
      if (j <= i) continue;
      const f = edges[j]!;
      const overlap = collinearOverlap(e.a, e.b, f.a, f.b);
      if (overlap) return { at: overlap, rings: [e.ring, f.ring] };
    }
  }
  return undefined;
}

/** Where segment cd lies along segment ab over more than a point (its start of overlap), else undefined. */
function collinearOverlap(a: Position, b: Position, c: Position, d: Position): Position | undefined {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const length2 = dx * dx + dy * dy;
  // Distance of c and d from the line through ab, relative to ab's length, within rounding.
  const off = (p: Position) => Math.abs(dx * (p[1]! - a[1]!) - dy * (p[0]! - a[0]!)) / length2;
  if (off(c) > 1e-9 || off(d) > 1e-9) return undefined;
  const t = (p: Position) => (dx * (p[0]! - a[0]!) + dy * (p[1]! - a[1]!)) / length2;
  const from = Math.max(0, Math.min(t(c), t(d)));
  const to = Math.min(1, Math.max(t(c), t(d)));
  if (to - from <= 1e-9) return undefined;
  return [a[0]! + dx * from, a[1]! + dy * from];
}
