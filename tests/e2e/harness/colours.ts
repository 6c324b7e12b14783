import type { RgbaImage } from "./png";

export type Rgb = readonly [r: number, g: number, b: number];

/** "#rrggbb" -> [r, g, b]. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a #rrggbb colour, got ${JSON.stringify(hex)}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** What a fill of `colour` at `opacity` looks like over `background` (plain alpha compositing). */
export function blend(colour: string, background: string, opacity: number): string {
  const fg = parseHex(colour);
  const bg = parseHex(background);
  const mix = (i: 0 | 1 | 2) => Math.round(fg[i] * opacity + bg[i] * (1 - opacity));
  return toHex([mix(0), mix(1), mix(2)]);
}

export interface ColourQuery {
  /** Largest difference allowed in any one channel (0-255); anti-aliasing and dithering need a few. */
  tolerance?: number;
  /**
   * Count a pixel only if its four neighbours match too. Fill areas pass; the anti-aliased edges of
   * thin lines, whose in-between shades can mimic a faint fill colour, do not.
   */
  solid?: boolean;
}

/** Pixel statistics over a decoded screenshot. */
export class CanvasColours {
  constructor(readonly image: RgbaImage) {}

  get pixelCount(): number {
    return this.image.width * this.image.height;
  }

  /** How many opaque pixels are within `tolerance` (per channel) of `hex`. */
  count(hex: string, { tolerance = 6, solid = false }: ColourQuery = {}): number {
    const [r, g, b] = parseHex(hex);
    const { width, height, data: d } = this.image;
    const matches = (x: number, y: number): boolean => {
      if (x < 0 || y < 0 || x >= width || y >= height) return false;
      const i = (y * width + x) * 4;
      return (
        d[i + 3]! >= 250 &&
        Math.abs(d[i]! - r) <= tolerance &&
        Math.abs(d[i + 1]! - g) <= tolerance &&
        Math.abs(d[i + 2]! - b) <= tolerance
      );
    };
    let n = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!matches(x, y)) continue;
        if (solid && !(matches(x - 1, y) && matches(x + 1, y) && matches(x, y - 1) && matches(x, y + 1))) continue;
        n++;
      }
    }
    return n;
  }

  /** True when at least `minPixels` pixels are close to `hex`. */
  has(hex: string, { minPixels = 20, ...query }: ColourQuery & { minPixels?: number } = {}): boolean {
    return this.count(hex, query) >= minPixels;
  }

  /**
   * Fraction of pixels that are drawn: not transparent and not close to any of the `blank` colours
   * (by default white and black, what an empty or failed WebGL canvas shows).
   */
  nonBlankFraction({ blank = ["#ffffff", "#000000"], tolerance = 3 }: { blank?: string[]; tolerance?: number } = {}): number {
    const blanks = blank.map(parseHex);
    const d = this.image.data;
    let drawn = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      const isBlank = blanks.some(
        ([r, g, b]) => Math.abs(d[i]! - r) <= tolerance && Math.abs(d[i + 1]! - g) <= tolerance && Math.abs(d[i + 2]! - b) <= tolerance,
      );
      if (!isBlank) drawn++;
    }
    return drawn / this.pixelCount;
  }

  /** The most frequent colours, for diagnosing a failed colour assertion. */
  topColours(limit = 12): { hex: string; count: number }[] {
    const counts = new Map<number, number>();
    const d = this.image.data;
    for (let i = 0; i < d.length; i += 4) {
      const key = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, count]) => ({ hex: toHex([key >> 16, (key >> 8) & 0xff, key & 0xff]), count }));
  }
}
