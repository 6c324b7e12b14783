import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import countries from "world-atlas/countries-50m.json";
import { worldLand } from "@/lib/geo/world-land";

let cached: Promise<FeatureCollection[]> | undefined;

/**
 * Land for pictures drawn on the server (link previews): the world outline under the Levant's finer
 * Natural Earth coast. Read once; the same files the client basemap uses.
 */
export function basemapLand(): Promise<FeatureCollection[]> {
  cached ??= readFile(join(process.cwd(), "public", "basemap", "ne10m_levant_land.geojson"), "utf8")
    .then((text) => [worldLand(countries as unknown as Parameters<typeof worldLand>[0]), JSON.parse(text) as FeatureCollection])
    .catch(() => [worldLand(countries as unknown as Parameters<typeof worldLand>[0])]);
  return cached;
}
