import { describe, expect, it } from "vitest";
import { decimalDegrees, mgrsReference } from "@/lib/geo/coordinates";

describe("the pointer's coordinates", () => {
  it("writes decimal degrees with hemispheres", () => {
    expect(decimalDegrees(36.2765, 33.5138)).toBe("33.51380° N, 36.27650° E");
    expect(decimalDegrees(-77.0365, -12.5)).toBe("12.50000° S, 77.03650° W");
  });
  it("writes Damascus as its MGRS square, spaced", () => {
    // Damascus lies in zone 37S, 100 km square BT.
    expect(mgrsReference(36.2765, 33.5138)).toMatch(/^37S BT \d{5} \d{5}$/);
  });
  it("says when a point has no MGRS reference", () => {
    expect(mgrsReference(0, 89)).toBe("outside MGRS (polar)");
  });
});
