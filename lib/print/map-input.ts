import type { SnapshotInput } from "@/lib/map/snapshot";
import type { PrintModel } from "./model";

/** What the print's map is drawn from: the same for the sheet in the page and for the PNG and PDF exports. */
export type PrintMapInput = Omit<SnapshotInput, "origin" | "onProgress" | "signal" | "idleTimeoutMs">;

export function printMapInput(model: PrintModel): PrintMapInput {
  const { layers, visible, events, selected, camera, frame } = model;
  return { layers, visible, events, selected, camera, frame, size: model.layout.map, dpi: model.print.dpi };
}
