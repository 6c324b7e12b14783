import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { loadLayer } from "./layer-data";
import { overlaySourceId } from "./overlay-layers";

/**
 * Puts each layer's features into its source the first time it is shown (hiding keeps the data),
 * and tells when nothing is being fetched any more, so "idle" means the data is there too.
 */
export function layerFiller(map: MapLibreMap, events: { onLoading?: () => void; onIdle?: () => void; isRemoved: () => boolean }) {
  const filled = new Set<string>();
  let fetching = 0;
  const fill = (id: string) => {
    if (filled.has(id)) return;
    filled.add(id);
    fetching++;
    events.onLoading?.();
    loadLayer(id)
      .then((collection) => {
        if (!events.isRemoved()) void map.getSource<GeoJSONSource>(overlaySourceId(id))?.setData(collection);
      })
      .catch((error: unknown) => {
        filled.delete(id); // showing the layer again retries
        if (!events.isRemoved()) console.error(`Map: layer "${id}" could not be loaded`, error);
      })
      .finally(() => {
        fetching--;
        // setData makes MapLibre load and go idle again; without it the map may be idle already.
        if (fetching === 0 && !events.isRemoved() && map.loaded()) events.onIdle?.();
      });
  };
  return { fill, busy: () => fetching > 0 };
}
