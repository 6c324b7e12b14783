import * as maplibre from "maplibre-gl";

type MapLibre = typeof maplibre;
let configured = false;

/**
 * MapLibre, ready to create maps. It is imported with the page's first scripts rather than on first
 * use: the map is what a shared link opens, and loading the library only once the map component ran
 * put a whole round of fetching and parsing (~1 MB) after hydration. Its worker is started at once
 * too (`prewarm`), so that the worker's script and start-up overlap the page's own.
 */
export function loadMapLibre(): Promise<MapLibre> {
  if (!configured && typeof window !== "undefined") {
    configured = true;
    // Next does not serve node_modules: the bundler emits the worker as an asset and gives its URL.
    maplibre.setWorkerUrl(new URL("maplibre-gl/dist/maplibre-gl-worker.mjs", import.meta.url).href);
    // No setRTLTextPlugin: MapLibre 6 shapes Arabic and orders bidirectional text itself, and a
    // plugin would replace that built-in implementation (the API is deprecated).
    maplibre.prewarm();
  }
  return Promise.resolve(maplibre);
}
