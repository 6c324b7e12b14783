import type { IControl, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { formatCoordinates, type CoordinateFormat } from "@/lib/geo/coordinates";

/**
 * Where the pointer is, written in the map's corner as it moves; a button switches between decimal
 * degrees and MGRS. Plain DOM inside MapLibre's control container: pointer moves never reach React.
 */
export class PointerReadout implements IControl {
  private box: HTMLDivElement | null = null;
  private map: MapLibreMap | null = null;
  private format: CoordinateFormat = "decimal";
  private last: { lng: number; lat: number } | null = null;

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const box = document.createElement("div");
    box.className = "maplibregl-ctrl maplibregl-ctrl-group briefmap-pointer";
    box.dataset.testid = "pointer-coordinates";
    const text = document.createElement("output");
    text.textContent = "Point at the map for coordinates";
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = "MGRS";
    toggle.title = "Show the pointer's position as an MGRS grid reference";
    toggle.setAttribute("aria-pressed", "false");
    toggle.addEventListener("click", () => {
      this.format = this.format === "decimal" ? "mgrs" : "decimal";
      toggle.setAttribute("aria-pressed", String(this.format === "mgrs"));
      this.write();
    });
    box.append(text, toggle);
    this.box = box;
    map.on("mousemove", this.onMove);
    return box;
  }

  onRemove(): void {
    this.map?.off("mousemove", this.onMove);
    this.box?.remove();
    this.box = null;
    this.map = null;
  }

  private onMove = (e: MapMouseEvent) => {
    this.last = e.lngLat.wrap();
    this.write();
  };

  private write() {
    const out = this.box?.querySelector("output");
    if (out && this.last) out.textContent = formatCoordinates(this.last.lng, this.last.lat, this.format);
  }
}
