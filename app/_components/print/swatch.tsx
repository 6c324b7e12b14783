import type { LayerSummary } from "@/lib/model/layer-summary";

/** The legend key, drawn as the dashboard's layers panel draws it: fill, line or point. */
export function LayerSwatch({ layer }: { layer: Pick<LayerSummary, "style" | "geometryType"> }) {
  const { color, dashed, fillOpacity } = layer.style;
  const kind = layer.geometryType;
  const polygon = kind.endsWith("Polygon");
  const line = kind.endsWith("LineString");
  return (
    <svg width="22" height="14" aria-hidden="true">
      {polygon && <rect x="1" y="1" width="20" height="12" fill={color} fillOpacity={Math.max(fillOpacity, 0.15)} stroke={color} strokeWidth="1.5" strokeDasharray={dashed ? "3 2" : undefined} />}
      {line && <line x1="1" y1="7" x2="21" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray={dashed ? "4 2" : undefined} />}
      {!polygon && !line && <circle cx="11" cy="7" r="4" fill={color} stroke="#fff" strokeWidth="1" />}
    </svg>
  );
}
