import type { ExpressionSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";

const NATURAL_EARTH = "Made with Natural Earth";

/** Glyphs are not a source, so their credit goes to the attribution control as custom text. */
export const FONT_ATTRIBUTION = "Noto Sans (SIL OFL)";

/** Overlays are inserted under this layer so that place names stay readable above them. */
export const BASEMAP_LABELS_LAYER_ID = "basemap:places";

/** Quiet, light colours: the basemap is context, the overlays carry the message. */
const colour = {
  sea: "#dfe8ee",
  land: "#f6f5f1",
  water: "#dfe8ee",
  river: "#b7cad8",
  boundary: "#9ca3ab",
  label: "#5b6470",
  halo: "#ffffff",
} as const;

function naturalEarth(origin: string, file: string): SourceSpecification {
  return { type: "geojson", data: `${origin}/basemap/${file}`, attribution: NATURAL_EARTH };
}

const disputed: ExpressionSpecification = ["in", "Disputed", ["get", "featurecla"]];

/**
 * The offline basemap: Natural Earth 10m for the Levant over 50m world land (so that Paris and
 * Washington are not drawn on sea), all served by this app. `origin` makes the glyph URL absolute,
 * which MapLibre requires.
 */
export function basemapStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: "Briefmap offline basemap",
    glyphs: `${origin}/basemap/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      "basemap-world": { type: "geojson", data: `${origin}/basemap/world`, attribution: NATURAL_EARTH },
      "basemap-land": naturalEarth(origin, "ne10m_levant_land.geojson"),
      "basemap-lakes": naturalEarth(origin, "ne10m_levant_lakes.geojson"),
      "basemap-rivers": naturalEarth(origin, "ne10m_levant_rivers.geojson"),
      "basemap-boundaries": naturalEarth(origin, "ne10m_levant_boundary_lines.geojson"),
      "basemap-places": naturalEarth(origin, "ne10m_levant_populated_places.geojson"),
    },
    layers: [
      { id: "basemap:sea", type: "background", paint: { "background-color": colour.sea } },
      { id: "basemap:world-land", type: "fill", source: "basemap-world", paint: { "fill-color": colour.land } },
      { id: "basemap:land", type: "fill", source: "basemap-land", paint: { "fill-color": colour.land } },
      { id: "basemap:lakes", type: "fill", source: "basemap-lakes", paint: { "fill-color": colour.water } },
      {
        id: "basemap:rivers",
        type: "line",
        source: "basemap-rivers",
        paint: { "line-color": colour.river, "line-width": 1 },
      },
      {
        id: "basemap:boundaries",
        type: "line",
        source: "basemap-boundaries",
        filter: ["!", disputed],
        paint: { "line-color": colour.boundary, "line-width": 0.8 },
      },
      {
        // Natural Earth marks contested lines; dashing them keeps that visible to the analyst.
        id: "basemap:boundaries-disputed",
        type: "line",
        source: "basemap-boundaries",
        filter: disputed,
        paint: { "line-color": colour.boundary, "line-width": 0.8, "line-dasharray": [3, 2] },
      },
      {
        id: BASEMAP_LABELS_LAYER_ID,
        type: "symbol",
        source: "basemap-places",
        layout: {
          "text-field": ["get", "NAME"],
          "text-font": ["Noto Sans Regular"],
          "text-size": 11,
          // Larger places (lower SCALERANK) win label collisions.
          "symbol-sort-key": ["get", "SCALERANK"],
        },
        paint: { "text-color": colour.label, "text-halo-color": colour.halo, "text-halo-width": 1.2 },
      },
    ],
  };
}
