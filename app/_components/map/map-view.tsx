"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { EventHeadline } from "@/lib/model/event-headline";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { MapCallbacks, MapHover, PickedFeature } from "@/lib/map/interactions";
import type { EventsOnMap } from "@/lib/map/event-layers";
import { loadLayer } from "@/lib/map/layer-data";
import { loadMapLibre } from "@/lib/map/load-maplibre";
import { createMap, type MapHandle } from "@/lib/map/maplibre";
import { serializeCamera, type Camera } from "@/lib/view/camera";

// Start MapLibre's worker as soon as this module runs, while React is still hydrating the page.
if (typeof window !== "undefined") void loadMapLibre().catch(() => {});

type Props = {
  layers: LayerSummary[];
  visible: string[];
  /** The filtered events, or the URL the map fetches them from, drawn as clustered markers; a new array or URL redraws them, a re-render does not. */
  events: EventsOnMap;
  /** The filtered events the page holds (all, or the list's first rows). */
  known: readonly EventHeadline[];
  /** How many events the filters keep. */
  count: number;
  selected: EventHeadline | null;
  /** The feature picked on the map, outlined until another is picked. */
  selectedFeature?: { layer: string; id: string } | null;
  hovered: MapHover;
  onHover: (hovered: MapHover) => void;
  onSelectEvent: (id: string) => void;
  onSelectFeature: (feature: PickedFeature) => void;
  /** Events at one point that no zoom separates (e.g. five in Paris), and where on the map they were clicked. */
  onSelectCluster: (ids: string[], at: { x: number; y: number }) => void;
  /** After each camera move, rounded as the URL writes it. */
  onCameraChange: (camera: Camera) => void;
  /** The URL's camera: the map opens on it, and moves to it when the URL changes (Back, Forward). */
  camera?: Camera;
  /** Set to the map's handle once it has loaded, for the controls around the map. */
  handleRef?: RefObject<MapHandle | null>;
  /** Part of the offline basemap failed to load. */
  onBasemapError?: (message: string) => void;
};

/** The situation map. MapLibre owns the canvas; React only tells it what to show. */
export function MapView(props: Props) {
  const { layers, visible, events, known, count, selected, selectedFeature = null, hovered } = props;
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  if (failure) throw failure;
  // The visible layers' data is fetched at once too, not after MapLibre has loaded (fetched once per page).
  useState(() => typeof window !== "undefined" && visible.forEach((id) => void loadLayer(id).catch(() => {})));
  // The map is created once per layer list and reads these at creation; later changes go through
  // the handle. Refs (not state) so that nothing the map does re-renders React.
  const latest = useRef(props);
  const cameraAtMount = useRef(props.camera);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    handle.current?.setVisibleLayers(visible);
  }, [visible]);
  useEffect(() => {
    handle.current?.setEvents(events, known);
  }, [events, known]);
  // Keyed by id: the dashboard may hand over another object for the same event, which must not re-frame.
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    handle.current?.setSelection(latest.current.selected, { frame: true });
  }, [selectedId]);
  const featureKey = selectedFeature ? `${selectedFeature.layer}/${selectedFeature.id}` : "";
  useEffect(() => {
    handle.current?.setSelectedFeature(latest.current.selectedFeature ?? null);
  }, [featureKey]);
  useEffect(() => {
    handle.current?.setHovered(hovered);
  }, [hovered]);
  // The camera follows the URL both ways: the map writes its moves, and a URL changed from
  // outside (Back, Forward) moves the map. The handle ignores a camera the map is at already.
  // The camera the map last wrote is its own echo, never a reason to move.
  const lastReported = useRef("");
  const cameraKey = props.camera ? serializeCamera(props.camera) : "";
  useEffect(() => {
    const camera = latest.current.camera;
    if (camera && cameraKey !== lastReported.current) handle.current?.setCamera(camera);
  }, [cameraKey]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const unmount = new AbortController();
    // e2e tests wait for data-map-idle="true"; set directly so that map events never re-render React.
    const setIdle = (idle: boolean) => element.setAttribute("data-map-idle", String(idle));
    setIdle(false);
    // Stable callbacks that always call the latest props, so the map never needs rewiring.
    const callbacks: MapCallbacks = {
      onHover: (h) => latest.current.onHover(h),
      onSelectEvent: (id) => latest.current.onSelectEvent(id),
      onSelectFeature: (f) => latest.current.onSelectFeature(f),
      onSelectCluster: (ids, at) => latest.current.onSelectCluster(ids, at),
      onCameraChange: (c) => {
        lastReported.current = serializeCamera(c);
        // The camera on screen, for people and tests comparing it with the URL.
        element.setAttribute("data-camera", lastReported.current);
        latest.current.onCameraChange(c);
      },
    };
    const atCreation = latest.current;
    createMap(element, {
      layers,
      visible: atCreation.visible,
      events: atCreation.events,
      known: atCreation.known,
      selected: atCreation.selected,
      camera: cameraAtMount.current,
      callbacks,
      onIdle: () => setIdle(true),
      onLoading: () => setIdle(false),
      onBasemapError: (message) => latest.current.onBasemapError?.(message),
      signal: unmount.signal,
    }).then(
      (map) => {
        handle.current = map;
        if (latest.current.handleRef) latest.current.handleRef.current = map;
        // Props may have changed while MapLibre was loading.
        const now = latest.current;
        map.setVisibleLayers(now.visible);
        map.setEvents(now.events, now.known);
        if (now.selected?.id !== atCreation.selected?.id) map.setSelection(now.selected, { frame: true });
        map.setSelectedFeature(now.selectedFeature ?? null);
        map.setHovered(now.hovered);
      },
      (error: unknown) => {
        // Handed to render so that the error boundary around the map shows it with a retry.
        if (!unmount.signal.aborted) setFailure(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      unmount.abort();
      handle.current?.destroy();
      handle.current = null;
      if (latest.current.handleRef) latest.current.handleRef.current = null;
    };
  }, [layers]);

  // N and P step through the single events drawn on screen, west to east: the map's events are
  // reachable without a pointer (the list drives the map too).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onMap = e.target === e.currentTarget || e.target instanceof HTMLCanvasElement;
    if (!onMap || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== "n" && key !== "p") return;
    const map = handle.current;
    if (!map) return;
    e.preventDefault();
    void map.eventsOnScreen().then((ids) => {
      const at = ids.indexOf(latest.current.selected?.id ?? "");
      const next = key === "n" ? ids[(at + 1) % ids.length] : ids[(at - 1 + ids.length) % ids.length];
      if (next) latest.current.onSelectEvent(next);
    });
  };

  return (
    <div
      ref={container}
      id="map"
      role="region"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label="Situation map (arrow keys pan, plus and minus zoom, N and P step through the events on screen)"
      // How many events the map was given: lets people and tests check that map and list agree.
      data-event-count={count}
      style={{ width: "100%", height: "100%" }}
    />
  );
}
