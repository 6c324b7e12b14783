import { beforeAll, describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/ingest/pipeline";
import type { LayerPlace } from "@/lib/ingest/places-index";
import { seedContext } from "./ingest-fixture";

let context: Awaited<ReturnType<typeof seedContext>>;
beforeAll(async () => {
  context = await seedContext();
}, 60_000);

const places = (text: string) => extractArticle({ id: "t", text, published: "2025-08-20" }, context).places;
const resolved = (text: string) => places(text).filter((p) => !p.adjective).map((p) => ({ text: p.text, layer: p.resolved?.layer, feature: p.resolved?.feature, name: p.resolved?.name }));

describe("place mentions by tiers", () => {
  it("takes layer features and their aliases first, with accents and case folded", () => {
    expect(resolved("Israel seized parts of the buffer zone near the Golan Heights.")).toEqual([
      { text: "Israel", layer: "levant-countries", feature: "israel", name: "Israel" },
      { text: "buffer zone", layer: "golan-buffer-zone", feature: "area-of-separation", name: "UNDOF Area of Separation" },
      { text: "Golan Heights", layer: "levant-countries", feature: "golan-heights", name: "Golan Heights" },
    ]);
    expect(resolved("Shelling hit Sweida overnight.")[0]).toMatchObject({ layer: "as-suwayda", feature: "as-suwayda" });
    expect(resolved("Protesters gathered in Suwaydá.")[0]).toMatchObject({ layer: "as-suwayda", feature: "as-suwayda" });
  });

  it("picks the area when two features share a name, and the point when the text says city", () => {
    expect(resolved("Fighting in As-Suwayda province.")[0]).toMatchObject({ layer: "as-suwayda" });
    expect(resolved("Fighting in As-Suwayda city.")[0]).toMatchObject({ layer: "places", feature: "al-suwayda" });
  });

  it("resolves countries no layer holds, with a point inside them", () => {
    const [m] = places("Talks were held in Norway.");
    expect(m?.resolved).toMatchObject({ name: "Norway", tier: "country", kind: "country" });
  });

  it("ranks the gazetteer's places of one name by population and by the countries the article names", () => {
    const us = places("Officials in Washington said so.")[0];
    expect(us?.resolved).toMatchObject({ layer: "places", feature: "washington-d-c" });
    const uk = places("The United Kingdom sent aid. Residents of Sunderland and people in Washington gathered.").find((p) => p.text === "Washington");
    expect(uk?.resolved?.country).toBe("GB");
    expect(uk?.alternatives.some((a) => a.country === "US")).toBe(true);
  });

  it("finds towns no layer holds through their alternate names", () => {
    const m = places("Clashes were reported in Daraa and in Homs.");
    expect(m.map((p) => [p.text, p.resolved?.country, p.resolved?.tier])).toEqual([
      ["Daraa", "SY", "gazetteer"],
      ["Homs", "SY", "gazetteer"],
    ]);
  });

  it("does not take people or organisations for places", () => {
    const m = places("US envoy Tom Barrack met Sheikh Muwaffaq Tarif. Barrack said the Syrian state news agency SANA was wrong.");
    expect(m.map((p) => p.text)).not.toContain("Barrack");
    expect(m.map((p) => p.text)).not.toContain("SANA");
    expect(m.map((p) => p.text)).not.toContain("Tarif");
  });

  it("keeps a name after 'in' that matches nothing as an honest unresolved mention", () => {
    const m = places("Shelling was reported in Qzxwvtown on Monday.");
    expect(m).toContainEqual(expect.objectContaining({ text: "Qzxwvtown", resolved: null }));
  });

  it("reads layer features it was given, not a fixed list", () => {
    const custom: LayerPlace[] = [{ layer: "sites", feature: "camp-7", name: "Camp Seven", names: ["camp seven"], point: [36.1, 33.2], isArea: false }];
    const m = extractArticle({ id: "t", text: "Aid reached Camp Seven.", published: "2025-08-20" }, { layers: custom }).places;
    expect(m[0]?.resolved).toMatchObject({ layer: "sites", feature: "camp-7" });
  });
});
