import "server-only";
import bbox from "@turf/bbox";
import type { BBox, LayerSummary } from "@/lib/model/layer-summary";
import type { FeatureBBox } from "@/lib/geo/bounds";
import type { LoadedEvent } from "@/lib/model/event";
import type { Place } from "@/lib/model/place";
import type { Store } from "@/lib/store/store";
import type { View } from "./view";

/** A page title that says what the view shows. */
export function viewTitle(view: View, selected: LoadedEvent | null): string | undefined {
  if (selected) return selected.title;
  if (view.q) return `Events matching “${view.q}”`;
  return undefined;
}

/** The layers a view shows: the link's list, else every layer visible by default. */
export function visibleLayerIds(layers: readonly LayerSummary[], view: Pick<View, "layers">): string[] {
  return view.layers ?? layers.filter((l) => l.defaultVisible).map((l) => l.id);
}

/** The selected event of a view, looked up by its id. */
export async function selectedEvent(store: Store, view: Pick<View, "event">): Promise<LoadedEvent | null> {
  return view.event ? ((await store.event(view.event))?.value ?? null) : null;
}

/** The extents of the layer features among some places, fetched one by one, for framing prints and previews. */
export async function featureBBoxesOf(store: Store, places: readonly Place[]): Promise<FeatureBBox> {
  const boxes = new Map<string, BBox>();
  await Promise.all(
    places.map(async (p) => {
      if (!p.layer || !p.feature) return;
      const feature = await store.feature(p.layer, p.feature);
      if (feature) boxes.set(`${p.layer}\u0000${p.feature}`, bbox(feature) as BBox);
    }),
  );
  return (layer, feature) => boxes.get(`${layer}\u0000${feature}`);
}
