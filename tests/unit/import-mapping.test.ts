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

describe("golden files: rows as Briefmap maps them", () => {
  it("ACLED: every type, both date forms, every time and geo precision", async () => {
    const { ACLED_COLUMNS } = await import("@/lib/import/acled/columns");
    const { acledHeader } = await import("@/lib/import/acled/columns");
    const { acledRow } = await import("@/lib/import/acled/row");
    const { syntheticAcledRow } = await import("../fixtures/import/acled-synthetic");
    const columns = acledHeader([...ACLED_COLUMNS]);
    const subTypes: [string, string][] = [
      ["Battles", "Armed clash"],
      ["Battles", "Government regains territory"],
      ["Battles", "Non-state actor overtakes territory"],
      ["Explosions/Remote violence", "Air/drone strike"],
      ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
      ["Violence against civilians", "Attack"],
      ["Protests", "Peaceful protest"],
      ["Riots", "Mob violence"],
      ["Strategic developments", "Agreement"],
      ["Strategic developments", "Arrests"],
      ["Strategic developments", "Change to group/activity"],
      ["Strategic developments", "Headquarters or base established"],
      ["Strategic developments", "Non-violent transfer of territory"],
      ["Strategic developments", "Looting/property destruction"],
    ];
    const mapped = subTypes.map(([event_type, sub_event_type], i) => {
      const r = acledRow(syntheticAcledRow(i, { event_type, sub_event_type }), columns, i + 2);
      const e = r.record!.event;
      return { in: { event_type, sub_event_type, event_date: syntheticAcledRow(i)[1], time_precision: String(1 + (i % 3)), geo_precision: String(1 + (i % 3)) }, out: { id: e.id, type: e.type, time: e.time, geoPrecision: e.geoPrecision, where: e.where } };
    });
    await expect(JSON.stringify(mapped, null, 2) + "\n").toMatchFileSnapshot("../fixtures/import/golden/acled-mapping.json");
  });

  it("GDELT: the Syria/Israel sample's rows", async () => {
    const { gdeltRow } = await import("@/lib/import/gdelt/row");
    const lines = readFileSync("/work/shared/samples/gdelt/gdelt2_20191024143000.syria_israel.tsv", "utf8").trimEnd().split("\n");
    const mapped = lines.map((l, i) => {
      const f = l.split("\t");
      const e = gdeltRow(f, i + 1).record!.event;
      return `${f[0]}\t${f[26]}\t${f[51]}\t${e.type}\t${e.geoPrecision}\t${e.time.start}\t${e.where && "point" in e.where ? e.where.point.join(",") : ""}`;
    });
    await expect(["GLOBALEVENTID\tEventCode\tActionGeo_Type\ttype\tgeoPrecision\tday\tpoint", ...mapped].join("\n") + "\n").toMatchFileSnapshot("../fixtures/import/golden/gdelt-mapping.tsv");
  });
});
