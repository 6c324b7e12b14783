import type { EventType } from "@/lib/model/schema";

/**
 * CAMEO root codes (the first two digits of GDELT's EventCode) mapped to Briefmap's types; the
 * README shows this table and mapping.test.ts holds it fixed. Where no Briefmap type says as much
 * as CAMEO does, the weaker one is taken (threats and shows of force are "statement"), and the
 * EventCode is kept on the event as a string ("040": the leading zero matters).
 */
export const CAMEO_ROOTS: Record<string, { label: string; type: EventType }> = {
  "01": { label: "Make public statement", type: "statement" },
  "02": { label: "Appeal", type: "statement" },
  "03": { label: "Express intent to cooperate", type: "diplomacy" },
  "04": { label: "Consult", type: "diplomacy" },
  "05": { label: "Engage in diplomatic cooperation", type: "diplomacy" },
  "06": { label: "Engage in material cooperation", type: "diplomacy" },
  "07": { label: "Provide aid", type: "diplomacy" },
  "08": { label: "Yield", type: "agreement" },
  "09": { label: "Investigate", type: "statement" },
  "10": { label: "Demand", type: "statement" },
  "11": { label: "Disapprove", type: "statement" },
  "12": { label: "Reject", type: "statement" },
  "13": { label: "Threaten", type: "statement" },
  "14": { label: "Protest", type: "protest" },
  "15": { label: "Exhibit force posture", type: "statement" },
  "16": { label: "Reduce relations", type: "diplomacy" },
  "17": { label: "Coerce", type: "political-change" },
  "18": { label: "Assault", type: "strike" },
  "19": { label: "Fight", type: "armed-clash" },
  "20": { label: "Use unconventional mass violence", type: "strike" },
};

/** Base codes whose type differs from their root's: fighting with artillery, tanks or from the air is a strike. */
export const CAMEO_BASE_OVERRIDES: Record<string, EventType> = { "194": "strike", "195": "strike" };

export function cameoType(eventCode: string): { root: string; label: string; type: EventType } | undefined {
  const root = eventCode.slice(0, 2);
  const entry = CAMEO_ROOTS[root];
  if (!entry || !/^\d{2,4}$/.test(eventCode)) return undefined;
  return { root, label: entry.label, type: CAMEO_BASE_OVERRIDES[eventCode.slice(0, 3)] ?? entry.type };
}

/** ActionGeo_Type: how precise GDELT's location is. 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
export const GDELT_GEO_TYPES: Record<string, { label: string; precision: "country" | "region" | "city" }> = {
  "1": { label: "country", precision: "country" },
  "2": { label: "US state", precision: "region" },
  "3": { label: "US city", precision: "city" },
  "4": { label: "world city", precision: "city" },
  "5": { label: "world state", precision: "region" },
};
