import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import pointOnFeature from "@turf/point-on-feature";
import { feature as topoFeature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import { foldName } from "./fold";

/** A country as a place: its ISO code, a name to show, every English name it goes by, and a point inside it. */
export type Country = { code: string; name: string; names: string[]; point: [number, number] | null };

let cached: { byName: Map<string, Country>; byCode: Map<string, Country> } | undefined;

/**
 * Countries by every English name `i18n-iso-countries` knows (official and short forms, "US",
 * "UK") plus Natural Earth's common name ("Syria", which the ISO list spells "Syrian Arab
 * Republic"); the point is inside the Natural Earth outline (world-atlas), when it has one.
 */
export function countryIndex(): { byName: Map<string, Country>; byCode: Map<string, Country> } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  const topology = require("world-atlas/countries-110m.json") as Topology;
  const shapes = topoFeature(topology, topology.objects.countries as GeometryCollection);
  const atlas = new Map<string, { name: string; point: [number, number] }>();
  for (const f of "features" in shapes ? shapes.features : []) {
    const alpha2 = f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined;
    if (!alpha2 || !f.geometry) continue;
    const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
    atlas.set(alpha2, { name: String((f.properties as { name?: string } | null)?.name ?? alpha2), point: [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4] });
  }
  const byName = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    const shape = atlas.get(code);
    const all = [...(shape ? [shape.name] : []), ...names];
    const country: Country = { code, name: shape?.name ?? names[0] ?? code, names: all, point: shape?.point ?? null };
    byCode.set(code, country);
    for (const n of all) if (!byName.has(foldName(n))) byName.set(foldName(n), country);
  }
  cached = { byName, byCode };
  return cached;
}

/**
 * The country an adjective of nationality names, by the regular English endings ("Syrian",
 * "Israeli", "Lebanese", "Jordanian", "American"): a rule over the country names, not a list.
 */
export function countryOfAdjective(word: string, byName: Map<string, Country>): Country | undefined {
  const w = foldName(word);
  const stems: string[] = [];
  for (const [suffix, add] of [["ian", ["", "a", "ia"]], ["an", ["", "a"]], ["i", [""]], ["ese", ["", "e", "a"]], ["n", [""]]] as const) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    for (const a of add) stems.push(base + a);
  }
  if (w === "american") stems.unshift("united states");
  for (const stem of stems) {
    const c = byName.get(stem);
    if (c && stem.length >= 4) return c;
  }
  return undefined;
}
