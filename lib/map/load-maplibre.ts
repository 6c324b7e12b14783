type MapLibre = typeof import("maplibre-gl");
let library: Promise<MapLibre> | undefined;

/** MapLibre is ~1 MB: it is loaded on first use so that it stays out of the first-load JS. */
export function loadMapLibre(): Promise<MapLibre> {
  library ??= import("maplibre-gl").then((maplibre) => {
    // Next does not serve node_modules: the bundler emits the worker as an asset and gives its URL.
    maplibre.setWorkerUrl(new URL("maplibre-gl/dist/maplibre-gl-worker.mjs", import.meta.url).href);
    // No setRTLTextPlugin: MapLibre 6 shapes Arabic and orders bidirectional text itself, and a
    // plugin would replace that built-in implementation (the API is deprecated).
    return maplibre;
  });
  library.catch(() => (library = undefined)); // let a later mount retry after a failed chunk load
  return library;
}
