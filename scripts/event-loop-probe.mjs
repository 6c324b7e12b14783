// Preloaded into the server by `npm run bench:load` (NODE_OPTIONS=--import …) and nowhere else:
// measures the server's own event-loop delay with perf_hooks.monitorEventLoopDelay, so that the
// figure is the server's and not the load generator's. On SIGUSR2 it writes the percentiles since
// the last SIGUSR2 to $BRIEFMAP_EVENT_LOOP_REPORT/event-loop-<pid>.json and starts again.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const dir = process.env.BRIEFMAP_EVENT_LOOP_REPORT;
if (dir) {
  const RESOLUTION_MS = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The histogram holds whole intervals between samples; the delay is what exceeds the interval.
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  process.on("SIGUSR2", () => {
    const report = {
      pid: process.pid,
      samples: histogram.count,
      p50: ms(histogram.percentile(50)),
      p90: ms(histogram.percentile(90)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
      resolutionMs: RESOLUTION_MS,
    };
    writeFileSync(path.join(dir, `event-loop-${process.pid}.json`), JSON.stringify(report));
    histogram.reset();
  });
}
