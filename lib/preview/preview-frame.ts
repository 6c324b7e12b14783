import type { LoadedEvent } from "@/lib/model/event";
import { boundsOfPlaces, type FeatureBBox } from "@/lib/geo/bounds";
import { LEVANT_BOUNDS } from "@/lib/map/camera";
import type { View } from "@/lib/view/view";
import { frameOfBounds, frameOfCamera, type Frame } from "./mercator";

/** What a preview of this view frames: the link's camera, else the selected event's places, else the Levant. */
export function previewFrame(featureBBox: FeatureBBox, view: View, selected: LoadedEvent | null, width: number, height: number): Frame {
  if (view.map) return frameOfCamera(view.map, width, height);
  const places = selected ? boundsOfPlaces([selected.place, ...selected.aboutPlaces], featureBBox) : null;
  if (places) return frameOfBounds(places, width, height, 60, 9);
  return frameOfBounds(LEVANT_BOUNDS, width, height, 20, 12);
}

