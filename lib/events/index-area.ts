import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";

/** Cells per side of an area's grid: fine enough that few points fall near the outline. */
const GRID = 512;

/**
 * Whether points lie in an area feature, with the same answers as `booleanPointInPolygon` (the
 * outline counts as inside), for many points against one detailed area (a country's outline has
 * tens of thousands of vertices, and testing every point against every edge takes seconds).
 *
 * The area's bounding box is cut into a grid. A cell that no edge comes near (within one cell) is
 * wholly inside or wholly outside: no outline lies between any two of its points, nor between
 * neighbouring such cells. So each connected group of those cells is decided once, at one cell's
 * centre, and a point in it gets that answer. A point in a cell near the outline, or outside the
 * grid, is tested exactly. The one-cell margin keeps this true despite rounding in cell numbers.
 */
export function areaTester(feature: Feature<Polygon | MultiPolygon>): (lon: number, lat: number) => boolean {
  const exact = (lon: number, lat: number) => booleanPointInPolygon([lon, lat], feature);
  const box = areaBounds(feature);
  if (!box) return exact;
  const grid = new Grid(box);
  if (!grid.usable) return exact;
  for (const ring of ringsOf(feature)) for (let k = 1; k < ring.length; k++) grid.markEdge(ring[k - 1]!, ring[k]!);
  const inside = grid.decideCells((lon, lat) => exact(lon, lat));
  return (lon, lat) => {
    const cell = grid.cellOf(lon, lat);
    const answer = cell === undefined ? -1 : inside[cell]!;
    return answer === -1 ? exact(lon, lat) : answer === 1;
  };
}

type Box = [minX: number, minY: number, maxX: number, maxY: number];

const ringsOf = (feature: Feature<Polygon | MultiPolygon>): Position[][] =>
  feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat();

/** The bounding box of an area's outline; undefined when it has no finite coordinates to bound. */
export function areaBounds(feature: Feature<Polygon | MultiPolygon>): Box | undefined {
  const rings = ringsOf(feature);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : undefined;
}

/** The grid over an area's bounding box; cells are numbered row by row. */
class Grid {
  private readonly width: number;
  private readonly height: number;
  /** 1 for a cell an edge comes near. */
  private readonly nearEdge = new Uint8Array(GRID * GRID);
  readonly usable: boolean;

  constructor(private readonly box: Box) {
    this.width = (box[2] - box[0]) / GRID;
    this.height = (box[3] - box[1]) / GRID;
    // A flat box (a degenerate area) has no cells worth the name: test exactly.
    this.usable = this.width > 0 && this.height > 0;
  }

  /** Column and row of a position, clamped to the grid. */
  private column(x: number): number {
    return Math.min(GRID - 1, Math.max(0, Math.floor((x - this.box[0]) / this.width)));
  }
  private row(y: number): number {
    return Math.min(GRID - 1, Math.max(0, Math.floor((y - this.box[1]) / this.height)));
  }

  /** The cell a point falls in; undefined outside the box. */
  cellOf(x: number, y: number): number | undefined {
    if (!(x >= this.box[0] && x <= this.box[2] && y >= this.box[1] && y <= this.box[3])) return undefined;
    return this.row(y) * GRID + this.column(x);
  }

  /**
   * Marks every cell within one cell of the edge a-b. A long edge is walked in pieces no longer
   * than a cell, so that a diagonal marks the cells along it rather than its whole bounding box.
   */
  markEdge([ax = 0, ay = 0]: Position, [bx = 0, by = 0]: Position): void {
    const steps = Math.max(1, Math.ceil(Math.abs(bx - ax) / this.width), Math.ceil(Math.abs(by - ay) / this.height));
    for (let s = 0; s < steps; s++) {
      const [x0, y0] = [ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps];
      const [x1, y1] = [ax + ((bx - ax) * (s + 1)) / steps, ay + ((by - ay) * (s + 1)) / steps];
      const [c0, c1] = [this.column(Math.min(x0, x1)) - 1, this.column(Math.max(x0, x1)) + 1];
      const [r0, r1] = [this.row(Math.min(y0, y1)) - 1, this.row(Math.max(y0, y1)) + 1];
      for (let r = Math.max(0, r0); r <= Math.min(GRID - 1, r1); r++) {
        for (let c = Math.max(0, c0); c <= Math.min(GRID - 1, c1); c++) this.nearEdge[r * GRID + c] = 1;
      }
    }
  }

  /**
   * Per cell: 1 inside, 0 outside, -1 near an edge (undecided). Each connected group of cells away
   * from the edges takes the answer `test` gives at the centre of its first cell.
   */
  decideCells(test: (x: number, y: number) => boolean): Int8Array {
    const answers = new Int8Array(GRID * GRID).fill(-1);
    const seen = new Uint8Array(GRID * GRID);
    const queue = new Int32Array(GRID * GRID);
    for (let start = 0; start < GRID * GRID; start++) {
      if (this.nearEdge[start] || seen[start]) continue;
      const [r, c] = [Math.floor(start / GRID), start % GRID];
      const answer = test(this.box[0] + (c + 0.5) * this.width, this.box[1] + (r + 0.5) * this.height) ? 1 : 0;
      let [head, tail] = [0, 0];
      queue[tail++] = start;
      seen[start] = 1;
      while (head < tail) {
        const cell = queue[head++]!;
        answers[cell] = answer;
        const [row, col] = [Math.floor(cell / GRID), cell % GRID];
        const next = [row > 0 ? cell - GRID : -1, row < GRID - 1 ? cell + GRID : -1, col > 0 ? cell - 1 : -1, col < GRID - 1 ? cell + 1 : -1];
        for (const n of next) {
          if (n >= 0 && !this.nearEdge[n] && !seen[n]) {
            seen[n] = 1;
            queue[tail++] = n;
          }
        }
      }
    }
    return answers;
  }
}
