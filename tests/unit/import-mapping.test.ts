import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acledType } from "@/lib/import/acled/mapping";
import { parseDay } from "@/lib/import/dates";
import { cameoType } from "@/lib/import/gdelt/cameo";
import { mappingTablesMarkdown } from "@/lib/import/mapping-tables";
import { csvCell, unescapeCell } from "@/lib/export/csv-cell";
import { viewFileName } from "@/lib/export/filename";

describe("mapping tables (golden)", () => {
  it("are the tables the README documents, word for word", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(mappingTablesMarkdown());
  });

  it("map ACLED's types, finer sub-event types first", () => {
    expect(acledType("Battles", "Armed clash")).toBe("armed-clash");
    expect(acledType("Battles", "Non-state actor overtakes territory")).toBe("territorial-control");
    expect(acledType("Explosions/Remote violence", "Air/drone strike")).toBe("strike");
    expect(acledType("Riots", "Mob violence")).toBe("protest");
    expect(acledType("Strategic developments", "Agreement")).toBe("agreement");
    expect(acledType("Strategic developments", "Looting/property destruction")).toBe("political-change");
    expect(acledType("Weather", "Rain")).toBeUndefined();
  });

  it("map CAMEO codes by root, keeping the leading zero, with the air and artillery overrides", () => {
    expect(cameoType("040")).toMatchObject({ root: "04", type: "diplomacy" });
    expect(cameoType("0871")).toMatchObject({ root: "08", type: "agreement" });
    expect(cameoType("190")).toMatchObject({ type: "armed-clash" });
    expect(cameoType("195")).toMatchObject({ type: "strike" });
    expect(cameoType("1951")).toMatchObject({ type: "strike" });
    expect(cameoType("21")).toBeUndefined();
    expect(cameoType("4")).toBeUndefined();
  });

  it("read ACLED's date forms and refuse ambiguous or impossible ones", () => {
    expect(parseDay("2024-11-01")).toBe("2024-11-01");
    expect(parseDay("01 November 2024")).toBe("2024-11-01");
    expect(parseDay("9-May-20")).toBe("2020-05-09");
    expect(parseDay("09-May-1998")).toBe("1998-05-09");
    expect(parseDay("31 February 2024")).toBeUndefined();
    expect(parseDay("05/09/2020")).toBeUndefined();
    expect(parseDay("1 Mayday 2020")).toBeUndefined();
  });

  it("escape spreadsheet formulas in exported cells, and take the escape off on import", () => {
    for (const danger of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(danger).replace(/^"|"$/g, "").startsWith("'")).toBe(true);
      expect(unescapeCell(csvCell(danger).replace(/^"|"$/g, ""))).toBe(danger);
    }
    expect(csvCell(-35.5)).toBe("-35.5");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
  });

  it("name the view in download file names", () => {
    expect(viewFileName({}, "csv")).toBe("briefmap-events.csv");
    expect(viewFileName({ from: "2025-05-01", types: ["strike", "protest"], q: "Dar'a / Deraa", layer: "governorates" }, "kml")).toBe("briefmap-events_2025-05-01_now_strike-protest_in-governorates_q-dar-a-deraa.kml");
  });
});
