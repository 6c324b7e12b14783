import type {
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from "maplibre-gl";
import type { LayerSummary } from "@/lib/model/layer-summary";
import { attributionText } from "./attribution";

/** The sources and style layers that draw the app's layers, ready to go into a style. */
export type OverlayStyle = {
  sources: Record<string, GeoJSONSourceSpecification>;
  layers: LayerSpecification[];
};

type Kind = "fill" | "outline" | "line" | "circle" | "label";

const PREFIX = "overlay:";

/**
 * MapLibre drops string feature ids (vector tiles only allow integers), so the adapter copies each
 * feature's id into this property: clicks, hovers and highlights find features by it.
 */
export const FEATURE_ID = "briefmap:id";

/** Sources start empty; the adapter fills a layer in when it is first shown (see layer-data.ts). */
const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

export const overlaySourceId = (layerId: string): string => `${PREFIX}${layerId}`;

export const overlayDataUrl = (layerId: string): string => `/api/layers/${encodeURIComponent(layerId)}`;

/** Style layers a pointer can pick a feature from: areas, lines and points, not labels or outlines. */
export const isPickable = (styleLayerId: string): boolean => /:(fill|line|circle)$/.test(styleLayerId);

/** The app layer a style layer draws, or null for basemap layers. Slugs never contain ":". */
export function overlayIdOf(styleLayerId: string): string | null {
  if (!styleLayerId.startsWith(PREFIX)) return null;
  return styleLayerId.slice(PREFIX.length).split(":")[0] ?? null;
}

function kindsOf(geometryType: string): Kind[] {
  if (geometryType.endsWith("Polygon")) return ["fill", "outline"];
  if (geometryType.endsWith("LineString")) return ["line"];
  if (geometryType.endsWith("Point")) return ["circle", "label"];
  // Mixed collections get every kind; the $type filters keep each geometry in its own layer.
  return ["fill", "outline", "line", "circle", "label"];
}

// The legacy $type filter folds Multi* into their single types, which the expression form does not.
const geometryFilter: Record<Kind, FilterSpecification> = {
  fill: ["==", "$type", "Polygon"],
  outline: ["==", "$type", "Polygon"],
  line: ["==", "$type", "LineString"],
  circle: ["==", "$type", "Point"],
  label: ["==", "$type", "Point"],
};

function styleLayer(layer: LayerSummary, kind: Kind, shown: boolean): LayerSpecification {
  const { color, dashed, fillOpacity } = layer.style;
  const base = {
    id: `${PREFIX}${layer.id}:${kind}`,
    source: overlaySourceId(layer.id),
    filter: geometryFilter[kind],
  };
  const visibility = shown ? "visible" : "none";
  // Dashes mark approximate or contested lines (see layerStyleSchema).
  const dash = dashed ? { "line-dasharray": [3, 2] } : {};
  // Context layers sit under the story: thinner edges keep the eye on the overlays.
  const edge = layer.role === "context" ? 0.8 : 1.5;
  switch (kind) {
    case "fill":
      return { ...base, type: "fill", layout: { visibility }, paint: { "fill-color": color, "fill-opacity": fillOpacity } };
    case "outline":
      return { ...base, type: "line", layout: { visibility }, paint: { "line-color": color, "line-width": edge, ...dash } };
    case "line":
      return { ...base, type: "line", layout: { visibility }, paint: { "line-color": color, "line-width": 2.5, ...dash } };
    case "circle":
      return {
        ...base,
        type: "circle",
        layout: { visibility },
        paint: { "circle-color": color, "circle-radius": 4, "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 },
      };
    case "label":
      return {
        ...base,
        type: "symbol",
        layout: {
          visibility,
          "text-field": ["to-string", ["get", layer.labelProperty]],
          "text-font": ["Noto Sans Medium"],
          "text-size": 12,
          "text-variable-anchor": ["top", "bottom", "left", "right"],
          "text-radial-offset": 0.7,
        },
        paint: { "text-color": color, "text-halo-color": "#ffffff", "text-halo-width": 1.5 },
      };
  }
}

/**
 * Turns the app's layers into MapLibre sources and style layers, lowest `order` drawn first.
 * Every layer gets a source (so toggling never restyles the map); all start empty and the adapter
 * fills each in with its features (ids promoted to FEATURE_ID) when the layer is first shown.
 */
export function overlayLayers(layers: readonly LayerSummary[], visible: readonly string[]): OverlayStyle {
  const shown = new Set(visible);
  const sorted = [...layers].sort((a, b) => a.order - b.order);
  const sources: OverlayStyle["sources"] = {};
  for (const layer of sorted) {
    sources[overlaySourceId(layer.id)] = {
      type: "geojson",
      data: EMPTY_COLLECTION,
      promoteId: FEATURE_ID,
      attribution: attributionText(layer.attribution),
    };
  }
  const styleLayers = sorted.flatMap((layer) =>
    kindsOf(layer.geometryType).map((kind) => styleLayer(layer, kind, shown.has(layer.id))),
  );
  return { sources, layers: styleLayers };
}
