// Copies the vetted GeoJSON from ../shared/geo into data/geo and gives every feature a stable id,
// so that events, URLs and the API can name features. Run again only when the vetted data changes:
//   node scripts/import-geo.mjs ../shared/geo
import { readFileSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { join } from "node:path";

const from = process.argv[2] ?? "../shared/geo";
const slug = (s) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Source file -> data/geo file, and how each feature's id is made (ids must never change). */
const imports = [
  ["undof_area_of_separation_osm.geojson", "golan-buffer-zone.geojson", () => "area-of-separation"],
  ["undof_alpha_bravo_lines_osm.geojson", "undof-lines.geojson", (p) => `${p.line === "A" ? "alpha" : "bravo"}-line`],
  ["undof_areas_of_limitation_approx.geojson", "areas-of-limitation.geojson", (p) => `${p.side.toLowerCase()}-side-${slug(p.zone)}`],
  ["as_suwayda_governorate_ocha.geojson", "as-suwayda.geojson", () => "as-suwayda"],
  ["paris_commune_ign.geojson", "paris.geojson", () => "paris"],
  ["context_countries_levant_osm.geojson", "levant-countries.geojson", (p) => slug(p.name)],
  ["places.geojson", "places.geojson", (p) => slug(p.name_en)],
];

mkdirSync("data/geo", { recursive: true });
for (const [source, target, idOf] of imports) {
  const fc = JSON.parse(readFileSync(join(from, source), "utf8"));
  const features = fc.features.map((f) => ({ type: "Feature", id: idOf(f.properties), properties: f.properties, geometry: f.geometry }));
  writeFileSync(join("data/geo", target), JSON.stringify({ type: "FeatureCollection", features }) + "\n");
  console.log(target, features.map((f) => f.id).join(", "));
}
cpSync(join(from, "PROVENANCE.md"), "data/geo/PROVENANCE.md");

// The offline basemap is static: served as files, drawn under the overlays.
mkdirSync("public/basemap", { recursive: true });
cpSync(join(from, "basemap"), "public/basemap", { recursive: true });
