import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StyleSpecification } from "maplibre-gl";
import countries from "world-atlas/countries-50m.json" with { type: "json" };
import { loadBriefData } from "@/lib/data/load";
import type { LoadedEvent } from "@/lib/model/event";
import { syntheticEvents } from "@/lib/data/synthetic";
import { basemapStyle } from "@/lib/map/basemap-style";
import { LEVANT_BOUNDS } from "@/lib/map/camera";
import { EVENTS_SOURCE, eventCollection, eventLayers, eventsSource } from "@/lib/map/event-layers";
import { withOverlays } from "@/lib/map/map-style";
import { overlayIdOf, overlayLayers } from "@/lib/map/overlay-layers";
import { FOCUS_SOURCE, arrowImage, focusCollection, focusLayersOverMarkers, focusLayersUnderMarkers } from "@/lib/map/selection-layers";
import { worldLand } from "@/lib/geo/world-land";
import { ROOT } from "./servers.mjs";

/** The floor page replaces this with its own origin (MapLibre wants an absolute glyph URL). */
const ORIGIN = "__ORIGIN__";

export type FloorConfig = {
  style: StyleSpecification;
  camera: { center: [number, number]; zoom: number } | { bounds: [number, number, number, number]; padding: number };
  arrow?: { id: string; width: number; height: number; data: number[] };
};

/**
 * What the floor and peer pages draw, built with Briefmap's own style functions so that both sides
 * draw the same layers from the same files: basemap, default-visible overlays, clustered events,
 * and (for a shared link) the same highlight. Only the plumbing differs: plain MapLibre, no React.
 */
export async function writeScenarios(outDir: string, options: { camera: string; event: string; counts: number[]; seed: number }) {
  mkdirSync(outDir, { recursive: true });
  const data = await loadBriefData(join(ROOT, "data"));
  writeFileSync(join(outDir, "world.geojson"), JSON.stringify(worldLand(countries as unknown as Parameters<typeof worldLand>[0])));
  const summaries = data.layers.map((l) => l.summary);
  const visible = summaries.filter((l) => l.defaultVisible).map((l) => l.id);

  const style = (eventsFile: string): StyleSpecification => {
    const overlays = overlayLayers(summaries, visible);
    for (const [id, source] of Object.entries(overlays.sources)) {
      const layer = overlayIdOf(`${id}:fill`);
      if (layer && visible.includes(layer)) source.data = `${ORIGIN}/geo/${layer}.geojson`;
    }
    const s = withOverlays(basemapStyle(ORIGIN), overlays);
    s.sources[EVENTS_SOURCE] = { ...eventsSource([]), data: `${ORIGIN}/data/${eventsFile}` };
    return s;
  };

  // 1. A shared link: the real events, one selected, camera from the link.
  const selected = data.events.find((e) => e.id === options.event);
  if (!selected) throw new Error(`no event ${options.event}`);
  writeFileSync(join(outDir, "events-real.json"), JSON.stringify(eventCollection(data.events)));
  const features = new Map(data.layers.map((l) => [l.manifest.id, new Map(l.data.features.map((f) => [String(f.id), f]))]));
  const focus = focusCollection({ selected, selectedFeature: null, hoveredFeature: null, hoveredEvent: null }, (ref) => features.get(ref.layer)?.get(ref.id));
  const open = style("events-real.json");
  open.sources[FOCUS_SOURCE] = { type: "geojson", data: focus };
  open.layers.push(...focusLayersUnderMarkers(), ...eventLayers(), ...focusLayersOverMarkers());
  const [zoom = 0, lat = 0, lon = 0] = options.camera.split("/").map(Number);
  const arrow = arrowImage();
  const arrowData = arrow.image as unknown as { width: number; height: number; data: Uint8Array };
  write(outDir, "open", {
    style: open,
    camera: { center: [lon, lat], zoom },
    arrow: { id: arrow.id, width: arrowData.width, height: arrowData.height, data: [...arrowData.data] },
  });

  // 3. Many events: the same seeded synthetic set the server adds (lib/data/synthetic.ts), plus the real ones.
  for (const count of options.counts) {
    const events: LoadedEvent[] = [...data.events, ...syntheticEvents(count, options.seed).events];
    // .geojson: the scenario config beside it is `events-<count>.json`, and the two must not share a name.
    writeFileSync(join(outDir, `events-${count}.geojson`), JSON.stringify(eventCollection(events)));
    const s = style(`events-${count}.geojson`);
    s.layers.push(...eventLayers());
    write(outDir, `events-${count}`, { style: s, camera: { bounds: LEVANT_BOUNDS, padding: 24 } });
  }
  return { visible };
}

function write(outDir: string, name: string, config: FloorConfig) {
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(config));
}
