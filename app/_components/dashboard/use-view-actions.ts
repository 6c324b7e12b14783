"use client";

import { useCallback, useMemo } from "react";
import type { EventType } from "@/lib/model/schema";
import type { LayerSummary } from "@/lib/model/layer-summary";
import type { Camera } from "@/lib/view/camera";
import type { View } from "@/lib/view/view";

type SetView = (patch: Partial<View>) => unknown;

/** What the analyst's actions change in the view: each one a stable callback for the part that offers it. */
export function useViewActions(view: View, setView: SetView, setCamera: (patch: { map: Camera }) => unknown, layers: LayerSummary[]) {
  const defaultVisible = useMemo(() => layers.filter((l) => l.defaultVisible).map((l) => l.id), [layers]);
  const visible = view.layers ?? defaultVisible;
  const select = useCallback((id: string | null) => void setView({ event: id }), [setView]);
  const onQuery = useCallback((q: string | null) => void setView({ q }), [setView]);
  const onTypes = useCallback((types: EventType[] | null) => void setView({ types }), [setView]);
  const onLayer = useCallback((layer: string | null) => void setView({ layer }), [setView]);
  const onWindow = useCallback((from: string | null, to: string | null) => void setView({ from, to }), [setView]);
  const onCamera = useCallback((map: Camera) => void setCamera({ map }), [setCamera]);
  const onFeature = useCallback((f: { layer: string; id: string } | null) => void setView({ feature: f ? { layer: f.layer, id: f.id } : null }), [setView]);
  const onToggleLayer = (id: string, on: boolean) => {
    const next = on ? [...visible, id] : visible.filter((v) => v !== id);
    const ordered = layers.map((l) => l.id).filter((l) => next.includes(l));
    // Back to "absent" when the analyst returns to the defaults, so links stay short.
    setView({ layers: ordered.join(",") === defaultVisible.join(",") ? null : ordered });
  };
  return { visible, select, onQuery, onTypes, onLayer, onWindow, onCamera, onFeature, onToggleLayer };
}
