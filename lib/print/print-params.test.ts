import { describe, expect, it } from "vitest";
import { itemHeightMm } from "./list-fit";
import { DEFAULT_PRINT, printQuery, readPrintParams } from "./print-params";
import { printUrlFor, UsageError } from "./print-url";

describe("print params", () => {
  it("reads valid values", () => {
    const { print, ignored } = readPrintParams({ paper: "a3", orientation: "portrait", dpi: "300", title: "  My   brief ", list: "0" });
    expect(print).toEqual({ paper: "a3", orientation: "portrait", dpi: 300, title: "My brief", list: false });
    expect(ignored).toEqual([]);
  });
  it("drops invalid values, keeps the rest and says why", () => {
    const { print, ignored } = readPrintParams({ paper: "b5", orientation: "sideways", dpi: "72", title: "x".repeat(200), list: "yes" });
    expect(print).toEqual(DEFAULT_PRINT);
    expect(ignored.map((i) => i.param)).toEqual(["paper", "orientation", "dpi", "title", "list"]);
  });
  it("round-trips through the query", () => {
    const print = { ...DEFAULT_PRINT, paper: "letter" as const, title: "A & B" };
    expect(readPrintParams(Object.fromEntries(new URLSearchParams(printQuery(print)))).print).toEqual(print);
  });
});

describe("print URL for the CLI", () => {
  it("keeps the view, adds the flags", () => {
    const url = printUrlFor("http://localhost:3000/?map=8/33/35.9&event=paris-talks", { dpi: "300", title: "T" });
    expect(url.pathname).toBe("/print");
    expect(url.searchParams.get("map")).toBe("8/33/35.9");
    expect(url.searchParams.get("event")).toBe("paris-talks");
    expect(url.searchParams.get("dpi")).toBe("300");
    expect(url.searchParams.get("paper")).toBe("a4");
    expect(url.searchParams.get("title")).toBe("T");
  });
  it("refuses what is not an http(s) link or a known flag value", () => {
    expect(() => printUrlFor("not a url", {})).toThrow(UsageError);
    expect(() => printUrlFor("file:///etc/passwd", {})).toThrow(/http/);
    expect(() => printUrlFor("http://localhost:3000/", { paper: "b5" })).toThrow(/--paper/);
  });
});

describe("event list estimate", () => {
  const item = { head: "19 Aug 2025 · A meeting in Paris", summary: "s".repeat(120), quotes: ["q".repeat(180)] };
  it("grows when the column narrows or the text lengthens", () => {
    expect(itemHeightMm(item, 40)).toBeGreaterThan(itemHeightMm(item, 80));
    expect(itemHeightMm({ ...item, quotes: [...item.quotes, "q".repeat(180)] }, 60)).toBeGreaterThan(itemHeightMm(item, 60));
  });
});
