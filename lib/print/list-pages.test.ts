import { describe, expect, it } from "vitest";
import { sheetLayout } from "./layout";
import { columnsFor, paginateList } from "./list-pages";

const box = (width: number, height: number) => ({ x: 0, y: 0, width, height });

describe("paginateList", () => {
  it("lists every event, in order, over as many pages as they need", () => {
    const pages = paginateList(40, () => 30, box(120, 100), box(180, 200));
    const listed = pages.flatMap((p) => p.items.map((i) => i.index));
    expect(listed).toEqual([...Array(40).keys()]);
    expect(pages.length).toBeGreaterThan(1);
  });
  it("never puts an item below its box, except one taller than a whole column", () => {
    const heights = [10, 50, 20, 80, 30, 5, 60, 40, 25, 70];
    for (const page of paginateList(heights.length, (i) => heights[i]!, box(120, 90), box(180, 120))) {
      for (const item of page.items) {
        const height = heights[item.index]!;
        if (item.y > 0) expect(item.y + height).toBeLessThanOrEqual(page.box.height);
        expect(item.column).toBeLessThan(page.columns);
      }
    }
  });
  it("lists nothing when the list is off", () => {
    expect(paginateList(12, () => 10, null, box(180, 200))).toEqual([]);
  });
  it("fits the twelve events of the case onto an A4 portrait sheet and one more page at most", () => {
    const layout = sheetLayout("a4", "portrait", true);
    const pages = paginateList(12, () => 28, layout.boxes.list, layout.continuation);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
  it("gives wide boxes more columns than narrow ones", () => {
    expect(columnsFor(277)).toBeGreaterThan(columnsFor(129));
    expect(columnsFor(40)).toBe(1);
  });
});
