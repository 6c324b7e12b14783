import bbox from "@turf/bbox";
import type { BriefData } from "@/lib/data/load";
import type { LoadedEvent } from "@/lib/data/read-article";
import type { BBox } from "@/lib/data/summary";
import { LEVANT_BOUNDS } from "@/lib/map/camera";
import type { View } from "@/lib/view/view";
import { frameOfBounds, frameOfCamera, type Frame } from "./mercator";

/** What a preview of this view frames: the link's camera, else the selected event's places, else the Levant. */
export function previewFrame(data: BriefData, view: View, selected: LoadedEvent | null, width: number, height: number): Frame {
  if (view.map) return frameOfCamera(view.map, width, height);
  if (selected) return frameOfBounds(boundsOfEvent(data, selected), width, height, 60, 9);
  return frameOfBounds(LEVANT_BOUNDS, width, height, 20, 12);
}

function boundsOfEvent(data: BriefData, event: LoadedEvent): BBox {
  const boxes: BBox[] = [event.place, ...event.aboutPlaces].map((p) => {
    const feature = p.layer ? data.layers.find((l) => l.manifest.id === p.layer)?.data.features.find((f) => f.id === p.feature) : undefined;
    return feature ? (bbox(feature) as BBox) : [p.point[0], p.point[1], p.point[0], p.point[1]];
  });
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}
