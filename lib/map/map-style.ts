import type { StyleSpecification } from "maplibre-gl";
import { BASEMAP_LABELS_LAYER_ID } from "./basemap-style";
import type { OverlayStyle } from "./overlay-layers";

/**
 * Puts overlays into the basemap: areas and lines under the basemap's place names so those stay
 * readable, overlay labels on top so that they win label collisions against the basemap's.
 */
export function withOverlays(basemap: StyleSpecification, overlays: OverlayStyle): StyleSpecification {
  const at = basemap.layers.findIndex((layer) => layer.id === BASEMAP_LABELS_LAYER_ID);
  const cut = at === -1 ? basemap.layers.length : at;
  const symbols = overlays.layers.filter((layer) => layer.type === "symbol");
  const shapes = overlays.layers.filter((layer) => layer.type !== "symbol");
  return {
    ...basemap,
    sources: { ...basemap.sources, ...overlays.sources },
    layers: [...basemap.layers.slice(0, cut), ...shapes, ...basemap.layers.slice(cut), ...symbols],
  };
}
