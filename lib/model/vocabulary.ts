import type { EventType, GeoPrecision } from "@/lib/model/schema";

/** Event types as analysts read them, with the colour each has on the map, list and timeline. */
export const EVENT_TYPE_INFO: Record<EventType, { label: string; color: string }> = {
  diplomacy: { label: "Diplomacy", color: "#1f78b4" },
  statement: { label: "Statement", color: "#6a3d9a" },
  agreement: { label: "Agreement", color: "#33a02c" },
  strike: { label: "Strike", color: "#e31a1c" },
  "territorial-control": { label: "Territorial control", color: "#b15928" },
  "armed-clash": { label: "Armed clash", color: "#ff7f00" },
  protest: { label: "Protest", color: "#d4a100" },
  "political-change": { label: "Political change", color: "#525252" },
  "humanitarian-appeal": { label: "Humanitarian appeal", color: "#0f8b8d" },
};

export const GEO_PRECISION_LABEL: Record<GeoPrecision, string> = {
  exact: "exact place",
  city: "city",
  region: "region: marker stands for the whole area",
  country: "country: marker stands for the whole country",
};
