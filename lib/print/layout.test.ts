import { describe, expect, it } from "vitest";
import { fitResolution, mapPixels, reducedMessage, sheetLayout, type Box } from "./layout";
import { cssPageSize, mmToCssPx, mmToPt, pageSizeMm, PAPERS, ORIENTATIONS } from "./paper";

const configs = PAPERS.flatMap((paper) => ORIENTATIONS.flatMap((orientation) => [true, false].map((list) => ({ paper, orientation, list }))));
const right = (b: Box) => b.x + b.width;
const bottom = (b: Box) => b.y + b.height;
const overlap = (a: Box, b: Box) => a.x < right(b) - 1e-9 && b.x < right(a) - 1e-9 && a.y < bottom(b) - 1e-9 && b.y < bottom(a) - 1e-9;
/** The box grown by `mm` on every side: parts closer than a gutter run into each other on paper. */
const grown = (b: Box, mm: number): Box => ({ x: b.x - mm, y: b.y - mm, width: b.width + 2 * mm, height: b.height + 2 * mm });
/** Half the narrowest gutter the sheet keeps between its parts. */
const HALF_GUTTER_MM = 1;

describe("paper", () => {
  it("gives ISO and US sizes in mm, turned for landscape", () => {
    expect(pageSizeMm("a4", "portrait")).toEqual({ width: 210, height: 297 });
    expect(pageSizeMm("a4", "landscape")).toEqual({ width: 297, height: 210 });
    expect(pageSizeMm("a3", "landscape")).toEqual({ width: 420, height: 297 });
    expect(pageSizeMm("letter", "portrait")).toEqual({ width: 215.9, height: 279.4 });
  });
  it("converts to points and CSS pixels", () => {
    expect(mmToPt(297)).toBeCloseTo(841.89, 1);
    expect(mmToCssPx(25.4)).toBe(96);
  });
  it("writes the @page size from enums", () => {
    expect(cssPageSize("letter", "portrait")).toBe("Letter portrait");
  });
});

describe("sheet layout", () => {
  it.each(configs)("$paper $orientation (list: $list): every part inside the printable area, a gutter between any two", ({ paper, orientation, list }) => {
    const l = sheetLayout(paper, orientation, list);
    const parts = Object.entries(l.boxes).filter((e): e is [string, Box] => e[1] !== null);
    for (const [name, box] of parts) {
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(right(box), name).toBeLessThanOrEqual(l.content.width + 1e-9);
      expect(bottom(box), name).toBeLessThanOrEqual(l.content.height + 1e-9);
    }
    for (const [i, [a, boxA]] of parts.entries()) {
      for (const [b, boxB] of parts.slice(i + 1)) expect(overlap(grown(boxA, HALF_GUTTER_MM), grown(boxB, HALF_GUTTER_MM)), `${a} too close to ${b}`).toBe(false);
    }
    // The continuation pages' list sits between the header and the footer.
    expect(overlap(l.continuation, l.boxes.header) || overlap(l.continuation, l.boxes.footer)).toBe(false);
  });
  it.each(configs)("$paper $orientation (list: $list): the map gets a real share of the page", ({ paper, orientation, list }) => {
    const l = sheetLayout(paper, orientation, list);
    const { map } = l.boxes;
    expect((map.width * map.height) / (l.content.width * l.content.height)).toBeGreaterThan(list ? 0.3 : 0.5);
  });
  it("puts the list under the map, as wide as the map", () => {
    const { map, list } = sheetLayout("a4", "portrait", true).boxes;
    expect(list!.y).toBeGreaterThan(bottom(map));
    expect(list!.width).toBeCloseTo(map.width, 6);
  });
  it("gives the map the whole body height when the list is off", () => {
    expect(sheetLayout("a4", "landscape", false).boxes.map.height).toBeGreaterThan(sheetLayout("a4", "landscape", true).boxes.map.height);
  });
});

describe("map pixels", () => {
  it("doubles the pixels on each side from 150 to 300 dpi", () => {
    const { map } = sheetLayout("a4", "landscape", true);
    const low = mapPixels(map, 150);
    const high = mapPixels(map, 300);
    expect(Math.abs(high.width - 2 * low.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(high.height - 2 * low.height)).toBeLessThanOrEqual(1);
  });
  it("an A4 landscape map at 300 dpi is about its printed size in pixels", () => {
    const l = sheetLayout("a4", "landscape", true);
    expect(mapPixels(l.map, 300).width).toBeCloseTo((l.boxes.map.width / 25.4) * 300, -1);
  });
  it("lowers the dpi to the browser's limit and says so", () => {
    const css = { cssWidth: 1600, cssHeight: 1000 };
    const r = fitResolution(css, 300, 4096);
    expect(Math.max(r.pixels.width, r.pixels.height)).toBeLessThanOrEqual(4096);
    expect(r.dpi).toBeLessThan(300);
    expect(reducedMessage(r, "A3")).toMatch(/^300 dpi A3 needs 5000×3125 px; this browser can draw 4096 px: printed at \d+ dpi\.$/);
    const ok = fitResolution(css, 150, 4096);
    expect(ok.reduced).toBeUndefined();
    expect(reducedMessage(ok, "A3")).toBeNull();
  });
});
