import type { Browser } from "playwright-core";
import { openMap, panFrameTimes } from "./page-map.mjs";
import { percentile, summarize, type Summary } from "./stats.mjs";

export type EventsResult = {
  count: number;
  app: { dataToIdle: Summary; navToIdle: Summary; panP95: Summary; dataBytes: number; failures: string[] };
  floor: { dataToIdle: Summary; navToIdle: Summary; panP95: Summary; dataBytes: number; failures: string[] };
};

/**
 * Briefmap's first view with `count` synthetic events (they arrive inside the page's HTML, as the
 * server renders the first view) vs the floor with the same events as one clustered GeoJSON file.
 * "Data arrival" is when the last byte of the carrier arrived: the `/api/events` answer for Briefmap (past 2,000 events the page carries none),
 * the events file for the floor.
 */
export async function measureEvents(browser: Browser, o: { count: number; appUrl: string; floorUrl: string; box: { w: number; h: number }; runs: number; panMs: number; timeoutMs: number }): Promise<EventsResult> {
  const sides = {
    // Past 2,000 events the page carries none and the dashboard fetches them (brief form) from the API.
    app: { url: `${o.appUrl}/`, carrier: "/api/events" as string | null, dataToIdle: [] as number[], navToIdle: [] as number[], pan: [] as number[], dataBytes: 0, failures: [] as string[] },
    floor: { url: `${o.floorUrl}/map.html?config=events-${o.count}&w=${o.box.w}&h=${o.box.h}`, carrier: `events-${o.count}.geojson`, dataToIdle: [] as number[], navToIdle: [] as number[], pan: [] as number[], dataBytes: 0, failures: [] as string[] },
  };
  for (let run = 0; run < o.runs; run++) {
    for (const side of [sides.app, sides.floor]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      try {
        const { page, idleAt, transfers } = await openMap(context, side.url, { timeoutMs: o.timeoutMs });
        // The floor's events file is fetched by MapLibre's worker: its timing comes from the network, not the page's Performance API.
        const carrier = transfers.find((t) => (side.carrier ? t.url.includes(side.carrier) : t.type === "document"));
        if (!carrier) throw new Error(`no response for ${side.carrier ?? "the document"} at ${side.url}`);
        side.dataToIdle.push(idleAt - carrier.endAt);
        side.navToIdle.push(idleAt);
        side.dataBytes = carrier.bytes;
        const frames = await panFrameTimes(page, o.panMs);
        side.pan.push(percentile(frames, 95));
      } catch (error) {
        side.failures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
      } finally {
        await context.close();
      }
    }
  }
  const out = (s: typeof sides.app) => ({ dataToIdle: summarize(s.dataToIdle), navToIdle: summarize(s.navToIdle), panP95: summarize(s.pan), dataBytes: s.dataBytes, failures: s.failures });
  return { count: o.count, app: out(sides.app), floor: out(sides.floor) };
}
