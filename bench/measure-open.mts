import type { Browser } from "playwright-core";
import { attribute, type Bucket } from "./attribute.mjs";
import { colourPixels, openMap, type Transfer } from "./page-map.mjs";
import { summarize, type Summary } from "./stats.mjs";

/** The link colour of the selection's arcs (lib/map/selection-layers.ts): drawn only with the highlight. */
const LINK_COLOUR = "#c2185b";

export type OpenResult = {
  app: { idle: Summary; highlightPixels: number; js: Record<Bucket, number>; jsTotal: number; detail: ReturnType<typeof attribute>["detail"]; failures: string[] };
  floor: { idle: Summary; highlightPixels: number; js: Record<Bucket, number>; jsTotal: number; failures: string[] };
};

const scripts = (transfers: Transfer[]) => transfers.filter((t) => t.type === "script" || /\.m?js(\?|$)/.test(new URL(t.url).pathname));

/** A shared link opened cold until the map is idle with the selection drawn, Briefmap vs the floor. */
export async function measureOpen(browser: Browser, o: { appUrl: string; floorUrl: string; query: string; box: { w: number; h: number }; runs: number; distDir: string; timeoutMs: number }): Promise<OpenResult> {
  const sides = {
    app: { url: `${o.appUrl}/?${o.query}`, idle: [] as number[], pixels: 0, transfers: [] as Transfer[], failures: [] as string[] },
    floor: { url: `${o.floorUrl}/map.html?config=open&w=${o.box.w}&h=${o.box.h}`, idle: [] as number[], pixels: 0, transfers: [] as Transfer[], failures: [] as string[] },
  };
  for (let run = 0; run < o.runs; run++) {
    for (const side of [sides.app, sides.floor]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      try {
        const { page, idleAt, transfers } = await openMap(context, side.url, { timeoutMs: o.timeoutMs });
        side.idle.push(idleAt);
        if (run === 0) {
          side.transfers = transfers;
          side.pixels = await colourPixels(page, LINK_COLOUR);
        }
      } catch (error) {
        side.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
      } finally {
        await context.close();
      }
    }
  }
  const appJs = attribute(scripts(sides.app.transfers), o.distDir);
  const floorJs = attribute(scripts(sides.floor.transfers), o.distDir);
  const total = (js: Record<Bucket, number>) => js.framework + js.maplibre + js.own + js.libraries;
  return {
    app: { idle: summarize(sides.app.idle), highlightPixels: sides.app.pixels, js: appJs, jsTotal: total(appJs), detail: appJs.detail, failures: sides.app.failures },
    floor: { idle: summarize(sides.floor.idle), highlightPixels: sides.floor.pixels, js: floorJs, jsTotal: total(floorJs), failures: sides.floor.failures },
  };
}
