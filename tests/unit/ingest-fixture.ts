import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBriefData } from "@/lib/data/load";
import { gazetteer } from "@/lib/ingest/gazetteer";
import { layerPlaces, type LayerPlace } from "@/lib/ingest/places-index";

export const SEED_ID = "syria-israel-paris-talks-2025-08-20";
const dataDir = join(process.cwd(), "data");

/** The seed article's text and the data folder's layers as places: what a fresh store holds. */
export async function seedContext(): Promise<{ text: string; layers: LayerPlace[]; gazetteer: ReturnType<typeof gazetteer> }> {
  const data = await loadBriefData(dataDir);
  const layers = layerPlaces(data.layers.map((l) => ({ id: l.manifest.id, labelProperty: l.manifest.labelProperty, aliases: l.manifest.aliases, data: l.data })));
  return { text: readFileSync(join(dataDir, "articles", `${SEED_ID}.txt`), "utf8"), layers, gazetteer: gazetteer() };
}

export async function curatedEvents() {
  const data = await loadBriefData(dataDir);
  return data.events.filter((e) => e.article === SEED_ID);
}
