"use client";

import { useEffect, useMemo, useRef } from "react";
import type { PickedFeature } from "@/lib/map/interactions";
import type { MapHandle } from "@/lib/map/maplibre";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import { ErrorBoundary } from "../errors/error-boundary";
import { MapView } from "../map/map-view";
import type { FeatureChoice, ReviewPlace } from "@/lib/ingest/review-types";
import styles from "./ingest.module.css";

type Props = {
  layers: LayerSummary[];
  features: readonly FeatureChoice[];
  drafts: readonly EventHeadline[];
  selected: EventHeadline | null;
  /** Set while the analyst places a draft or a mention: the next click on the map gives the place. */
  placing: string | null;
  onSelect: (id: string) => void;
  onPlace: (place: ReviewPlace) => void;
  onCancelPlacing: () => void;
};

/**
 * The app's map with the drafts as markers. While placing, a click on a layer feature gives that
 * feature, and a click elsewhere gives the point under the pointer.
 */
export function ReviewMap({ layers, features, drafts, selected, placing, onSelect, onPlace, onCancelPlacing }: Props) {
  const handle = useRef<MapHandle | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const picked = useRef<number>(0);
  const visible = useMemo(() => layers.filter((l) => l.defaultVisible || l.role === "overlay").map((l) => l.id), [layers]);
  // MapView keeps the callbacks it was created with calling the latest ones; these read the latest placing state.
  const latest = useRef({ placing, onPlace });
  useEffect(() => {
    latest.current = { placing, onPlace };
  });

  const onFeature = (f: PickedFeature) => {
    if (!latest.current.placing) return;
    picked.current = Date.now();
    const known = features.find((c) => c.layer === f.layer && c.feature === f.id);
    if (known) latest.current.onPlace({ name: known.name, layer: f.layer, feature: f.id, point: known.point });
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!latest.current.placing || !handle.current || !box.current) return;
    const rect = box.current.getBoundingClientRect();
    const at = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    // A feature picked by the same click wins over the bare point (MapLibre answers first).
    setTimeout(() => {
      if (Date.now() - picked.current < 400) return;
      const point = pointAt(handle.current!.camera(), rect.width, rect.height, at);
      if (point) latest.current.onPlace({ name: `Point ${point[1].toFixed(4)}, ${point[0].toFixed(4)}`, point });
    }, 0);
  };

  return (
    // The click handler only reads where a pointer click landed while placing; the keyboard way to place is the place list.
    <div ref={box} className={styles.mapColumn} onClick={onClick} data-placing={placing ? "true" : "false"}>
      {placing && (
        <p className={styles.placing} role="status">
          Click a layer feature or a point for: {placing}
          <button type="button" className={styles.secondary} onClick={(e) => (e.stopPropagation(), onCancelPlacing())}>
            Cancel
          </button>
        </p>
      )}
      <ErrorBoundary label="map">
        <MapView
          layers={layers}
          visible={visible}
          events={drafts}
          known={drafts}
          count={drafts.length}
          selected={selected}
          hovered={null}
          onHover={() => {}}
          onSelectEvent={onSelect}
          onSelectFeature={onFeature}
          onSelectCluster={(ids) => ids[0] && onSelect(ids[0])}
          onCameraChange={() => {}}
          handleRef={handle}
        />
      </ErrorBoundary>
    </div>
  );
}

/**
 * The longitude and latitude under a pixel, from the camera (Web Mercator, 512-pixel tiles as
 * MapLibre draws them). Exact for a map seen from straight above and north up, as this one opens;
 * refused when the map is turned or tilted rather than giving a wrong point.
 */
function pointAt(camera: { lon: number; lat: number; zoom: number; bearing: number; pitch: number }, width: number, height: number, at: { x: number; y: number }): [number, number] | null {
  if (camera.bearing !== 0 || camera.pitch !== 0) return null;
  const size = 512 * 2 ** camera.zoom;
  const cx = ((camera.lon + 180) / 360) * size;
  const rad = (camera.lat * Math.PI) / 180;
  const cy = ((1 - Math.log(Math.tan(Math.PI / 4 + rad / 2)) / Math.PI) / 2) * size;
  const x = cx + (at.x - width / 2);
  const y = cy + (at.y - height / 2);
  const lon = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}
