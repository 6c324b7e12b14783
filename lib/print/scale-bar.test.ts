import { describe, expect, it } from "vitest";
import { distanceLabel, metresPerCssPixel, roundDistance, scaleBar } from "./scale-bar";

describe("scale bar", () => {
  it("knows web mercator's ground resolution", () => {
    // 512 px tiles: 78,271.517 m/px at zoom 0 on the equator, half per zoom level, times cos(lat).
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(78_271.517, 2);
    expect(metresPerCssPixel(1, 0)).toBeCloseTo(39_135.758, 2);
    expect(metresPerCssPixel(8, 60)).toBeCloseTo(78_271.517 / 256 / 2, 2);
  });
  it("rounds down to 1, 2 or 5 times a power of ten", () => {
    expect(roundDistance(9_999)).toBe(5_000);
    expect(roundDistance(1_999)).toBe(1_000);
    expect(roundDistance(2_000)).toBe(2_000);
    expect(roundDistance(480)).toBe(200);
    expect(roundDistance(0)).toBe(0);
    expect(roundDistance(Number.NaN)).toBe(0);
  });
  it("labels in metres below a kilometre", () => {
    expect(distanceLabel(500)).toBe("500 m");
    expect(distanceLabel(20_000)).toBe("20 km");
    expect(distanceLabel(1_000)).toBe("1 km");
  });
  it("fits the longest round distance into the space given", () => {
    // Zoom 8 at 33° N: 256.6 m/px, 113 px ≈ 29 km -> 20 km, 78 px long.
    const bar = scaleBar(8, 33, 113)!;
    expect(bar.label).toBe("20 km");
    expect(bar.cssPx).toBeCloseTo(20_000 / metresPerCssPixel(8, 33), 6);
    expect(bar.cssPx).toBeLessThanOrEqual(113);
    expect(bar.cssPx).toBeGreaterThan(113 / 5);
    // Zoom 16 in Paris: 0.79 m/px, 113 px ≈ 89 m -> 50 m.
    expect(scaleBar(16, 48.86, 113)!.label).toBe("50 m");
  });
});
