"use client";

import { useRef, useState } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { PickedFeature } from "@/lib/map/interactions";
import type { MapHandle } from "@/lib/map/maplibre";
import type { EventsOnMap } from "@/lib/map/event-layers";
import type { Camera } from "@/lib/view/camera";
import { ErrorBoundary } from "../errors/error-boundary";
import { useHovered, useSetHovered } from "../dashboard/hover";
import { countRender } from "../dashboard/render-count";
import { ClusterList } from "./cluster-list";
import { MapLegend } from "./map-legend";
import { MapView } from "./map-view";
import styles from "./map.module.css";

type Props = {
  layers: LayerSummary[];
  visible: string[];
  camera: Camera | undefined;
  events: EventsOnMap;
  known: readonly EventHeadline[];
  count: number;
  selected: EventHeadline | null;
  selectedFeature: { layer: string; id: string } | null;
  onSelectEvent: (id: string) => void;
  onSelectFeature: (feature: PickedFeature) => void;
  onCameraChange: (camera: Camera) => void;
  handleRef: React.RefObject<MapHandle | null>;
};

/** The map with what sits on it: fit controls, the list of a group at one point, the legend and notices. */
export function MapArea(props: Props) {
  countRender("map-area");
  const hovered = useHovered();
  const setHovered = useSetHovered();
  const [group, setGroup] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [basemapProblem, setBasemapProblem] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const { handleRef, selected, known, onSelectEvent } = props;
  return (
    <div ref={area} className={styles.mapArea}>
      <ErrorBoundary label="map">
        <MapView
          layers={props.layers}
          visible={props.visible}
          camera={props.camera}
          events={props.events}
          known={known}
          count={props.count}
          selected={selected}
          selectedFeature={props.selectedFeature}
          hovered={hovered}
          onHover={setHovered}
          onSelectEvent={onSelectEvent}
          onSelectFeature={props.onSelectFeature}
          onSelectCluster={(ids, at) => setGroup({ ids, at })}
          onCameraChange={props.onCameraChange}
          onBasemapError={setBasemapProblem}
          handleRef={handleRef}
        />
      </ErrorBoundary>
      <div className={styles.fitTools} role="group" aria-label="Frame the map" data-map-overlay>
        <button type="button" disabled={!selected} onClick={() => handleRef.current?.fitSelection()} title="Frame the selected event">
          Fit selection
        </button>
        <button type="button" disabled={known.length === 0} onClick={() => handleRef.current?.fitEvents(known)} title="Frame the events the filters keep">
          Fit filter
        </button>
      </div>
      <MapLegend />
      {group && (
        <ClusterList
          ids={group.ids}
          at={group.at}
          known={known}
          onSelect={(id) => {
            onSelectEvent(id);
            setGroup(null);
          }}
          onClose={() => setGroup(null)}
        />
      )}
      {basemapProblem && (
        <p className={styles.mapNotice} role="status" data-testid="map-notice">
          The basemap could not be loaded; layers and events are shown without it.
        </p>
      )}
    </div>
  );
}
