import { describe, expect, it } from "vitest";
import { parseDayText, dayText } from "@/app/_components/timeline/day-text";
import { snapWindow } from "@/app/_components/timeline/snap";

describe("dates typed in the window fields", () => {
  it("reads the app's own way of writing days, and ISO", () => {
    expect(parseDayText("20 Aug 2025")).toBe("2025-08-20");
    expect(parseDayText(" 3 august 2025 ")).toBe("2025-08-03");
    expect(parseDayText("Aug 20, 2025")).toBe("2025-08-20");
    expect(parseDayText("2025-08-20")).toBe("2025-08-20");
    expect(dayText("2025-08-20")).toBe("20 Aug 2025");
  });
  it("refuses what is not one real day", () => {
    for (const bad of ["", "08/20/2025", "31 Feb 2025", "20 Foo 2025", "20 Aug", "2025-13-01", "20 Augx 2025"]) expect(parseDayText(bad), bad).toBeNull();
  });
});

describe("a dragged time window", () => {
  it("keeps days where a day is wide enough to aim at", () => {
    expect(snapWindow("2025-07-14", "2025-08-16", 6)).toEqual(["2025-07-14", "2025-08-16"]);
  });
  it("snaps to month boundaries on a compressed axis, never to the 15th", () => {
    expect(snapWindow("2025-07-03", "2025-08-27", 1)).toEqual(["2025-07-01", "2025-08-31"]);
    // Both ends nearest the same boundary: the month after it, not an empty window.
    expect(snapWindow("2025-07-20", "2025-08-10", 1)).toEqual(["2025-08-01", "2025-08-31"]);
  });
  it("a drag inside one month gives that whole month", () => {
    expect(snapWindow("2025-08-14", "2025-08-16", 0.5)).toEqual(["2025-08-01", "2025-08-31"]);
  });
});
