import { readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import { blend, type CanvasColours } from "./harness/colours";
import { canvasColours, openPage, waitForMapIdle, type PageProblems } from "./harness/browser";
import { test } from "./harness/fixtures";

const NO_PROBLEMS: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] };

/** Colour and fill opacity from the layer's manifest, so the test follows data changes. */
function layerStyle(id: string): { color: string; fillOpacity: number } {
  const manifest = JSON.parse(readFileSync(new URL(`../../data/geo/${id}.layer.json`, import.meta.url), "utf8"));
  return manifest.style;
}

/**
 * A polygon layer shows as its fill blended over whatever lies beneath, and as its outline in the
 * pure colour. The basemap under it is not known to the test, so blend over the frame's dominant
 * colours (land, sea, context tint). Only solid patches count: the anti-aliased edges of grey
 * boundary lines can mimic a faint fill (a hidden layer "passed" before this), never a patch of it.
 */
function expectLayerDrawn(colours: CanvasColours, id: string, minPixels: number): void {
  const { color, fillOpacity } = layerStyle(id);
  const backgrounds = colours.topColours(4).map((c) => c.hex);
  const candidates = [color, ...backgrounds.map((bg) => blend(color, bg, fillOpacity))];
  const counts = candidates.map((hex) => ({ hex, pixels: colours.count(hex, { tolerance: 4, solid: true }) }));
  const best = Math.max(...counts.map((c) => c.pixels));
  expect(
    best,
    `layer ${id} (${color}, fill opacity ${fillOpacity}) not found on the map canvas; ` +
      `pixels per candidate colour ${JSON.stringify(counts)}; most frequent colours ${JSON.stringify(colours.topColours(8))}`,
  ).toBeGreaterThanOrEqual(minPixels);
}

/**
 * Each required layer is checked where it is large enough to see. At the default camera the buffer
 * zone is a sliver under the UNDOF lines and place labels (~1 solid fill pixel in the dashboard's
 * map), so it gets its own close-up; Paris is far from the Levant. Measured solid fill pixels, map
 * 544x452 in a 1280x800 window: As-Suwayda ~5,400 at "/", buffer zone ~7,400, Paris ~8,800; a layer
 * that is not drawn scores 0.
 */
const VIEWS = [
  { path: "/", layer: "as-suwayda", minPixels: 500 },
  { path: "/?map=9/33.05/35.85", layer: "golan-buffer-zone", minPixels: 500 },
  { path: "/?map=9/48.86/2.34", layer: "paris", minPixels: 500 },
];

describe("smoke: the map page in a real browser", () => {
  test.for(VIEWS)("$path draws $layer, offline, without errors", async ({ path, layer, minPixels }, { browser, baseUrl }) => {
    const { page, problems } = await openPage(baseUrl, path, { browser });
    await waitForMapIdle(page);
    const colours = await canvasColours(page);

    expect(colours.nonBlankFraction(), "map canvas is blank").toBeGreaterThan(0.9);
    expectLayerDrawn(colours, layer, minPixels);
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
