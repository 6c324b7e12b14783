import { describe, expect, it } from "vitest";
import { fitResolution, mapPixels, reducedMessage, sheetLayout } from "./layout";
import { cssPageSize, mmToCssPx, mmToPt, pageSizeMm } from "./paper";

describe("paper", () => {
  it("gives ISO and US sizes in mm, turned for landscape", () => {
    expect(pageSizeMm("a4", "portrait")).toEqual({ width: 210, height: 297 });
    expect(pageSizeMm("a4", "landscape")).toEqual({ width: 297, height: 210 });
    expect(pageSizeMm("a3", "landscape")).toEqual({ width: 420, height: 297 });
    expect(pageSizeMm("letter", "portrait")).toEqual({ width: 215.9, height: 279.4 });
  });
  it("converts to points and CSS pixels", () => {
    expect(mmToPt(297)).toBeCloseTo(841.89, 1);
    expect(mmToPt(210)).toBeCloseTo(595.28, 1);
    expect(mmToCssPx(25.4)).toBe(96);
  });
  it("writes the @page size from enums", () => {
    expect(cssPageSize("a4", "landscape")).toBe("A4 landscape");
    expect(cssPageSize("letter", "portrait")).toBe("Letter portrait");
  });
});

describe("sheet layout", () => {
  it("fits header, map, list and footer inside the margins", () => {
    for (const paper of ["a4", "a3", "letter"] as const) {
      for (const orientation of ["portrait", "landscape"] as const) {
        for (const list of [true, false]) {
          const l = sheetLayout(paper, orientation, list);
          const mapMm = { w: (l.map.cssWidth / 96) * 25.4, h: (l.map.cssHeight / 96) * 25.4 };
          expect(mapMm.w + l.sidebarMm + 3).toBeLessThanOrEqual(l.content.width);
          expect(14 + 3 + mapMm.h + (list ? 3 + l.listMm : 0) + 3 + 5).toBeLessThanOrEqual(l.content.height + 1e-9);
          expect(l.map.cssWidth).toBeGreaterThan(300);
          expect(l.map.cssHeight).toBeGreaterThan(200);
        }
      }
    }
  });
  it("gives the map the whole body height when the list is off", () => {
    expect(sheetLayout("a4", "landscape", false).map.cssHeight).toBeGreaterThan(sheetLayout("a4", "landscape", true).map.cssHeight);
  });
});

describe("map pixels", () => {
  it("scales CSS px by dpi / 96, rounded as MapLibre sizes its canvas", () => {
    const px = mapPixels({ cssWidth: 778, cssHeight: 389 }, 150);
    expect(px.pixelRatio).toBeCloseTo(1.5625);
    expect([px.width, px.height]).toEqual([1216, 608]);
    const hi = mapPixels({ cssWidth: 778, cssHeight: 389 }, 300);
    expect([hi.width, hi.height]).toEqual([2431, 1216]);
  });
  it("an A4 landscape map at 300 dpi is about its printed size in pixels", () => {
    const { map } = sheetLayout("a4", "landscape", true);
    const px = mapPixels(map, 300);
    expect(px.width).toBeCloseTo((map.cssWidth / 96) * 300, -1);
  });
  it("lowers the dpi to the browser's limit and says so", () => {
    const css = { cssWidth: 1600, cssHeight: 1000 };
    const r = fitResolution(css, 300, 4096);
    expect(r.dpi).toBe(245);
    expect(Math.max(r.pixels.width, r.pixels.height)).toBeLessThanOrEqual(4096);
    expect(reducedMessage(r, "A3")).toBe("300 dpi A3 needs 5000×3125 px; this browser can draw 4096 px: printed at 245 dpi.");
    const ok = fitResolution(css, 150, 4096);
    expect(ok.reduced).toBeUndefined();
    expect(reducedMessage(ok, "A3")).toBeNull();
  });
});
