import { ACLED_EVENT_TYPES, ACLED_GEO_PRECISION, ACLED_SUB_EVENT_TYPES } from "./acled/mapping";
import { CAMEO_BASE_OVERRIDES, CAMEO_ROOTS, GDELT_GEO_TYPES } from "./gdelt/cameo";

/**
 * The mapping tables as Markdown, from the tables the importers use: the README shows exactly this
 * text, and a golden test (tests/unit/import-mapping.test.ts) fails when either drifts.
 */
export function mappingTablesMarkdown(): string {
  const rows = (head: string[], body: string[][]) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  return [
    "ACLED `sub_event_type` (checked first) and `event_type` → Briefmap type:",
    "",
    rows(["ACLED sub_event_type", "Briefmap type"], Object.entries(ACLED_SUB_EVENT_TYPES).map(([k, v]) => [k, v])),
    "",
    rows(["ACLED event_type", "Briefmap type"], Object.entries(ACLED_EVENT_TYPES).map(([k, v]) => [k, v])),
    "",
    "ACLED precisions:",
    "",
    rows(
      ["ACLED", "Briefmap"],
      [
        ["time_precision 1 (day)", "day: event_date"],
        ["time_precision 2 (week)", "range: event_date − 3 days … + 3 days"],
        ["time_precision 3 (month)", "month: the calendar month of event_date"],
        ...Object.entries(ACLED_GEO_PRECISION).map(([k, v]) => [`geo_precision ${k}`, v]),
      ],
    ),
    "",
    "GDELT CAMEO root code (first two digits of EventCode) → Briefmap type:",
    "",
    rows(["CAMEO root", "meaning", "Briefmap type"], Object.entries(CAMEO_ROOTS).map(([k, v]) => [k, v.label, v.type])),
    "",
    `Base codes that differ from their root: ${Object.entries(CAMEO_BASE_OVERRIDES).map(([k, v]) => `${k} → ${v}`).join(", ")}.`,
    "",
    rows(["GDELT ActionGeo_Type", "meaning", "Briefmap geo precision"], Object.entries(GDELT_GEO_TYPES).map(([k, v]) => [k, v.label, v.precision])),
  ].join("\n");
}
