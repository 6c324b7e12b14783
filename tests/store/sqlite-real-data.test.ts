import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBriefData, type BriefData } from "@/lib/data/load";
import { touchesLayer } from "@/lib/events/membership";
import { importOnFirstStart } from "@/lib/store/first-start";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store } from "@/lib/store/store";

const DATA = join(import.meta.dirname, "..", "..", "data");
let store: Store;
let files: BriefData;

beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await importOnFirstStart(store, DATA, {});
  files = await loadBriefData(DATA);
});

const search = async (q: string) => (await store.events({ q })).map((e) => e.id).sort();

describe("the bundled data in the store", () => {
  it("holds what the files hold", async () => {
    expect((await store.events({}, { limit: 10_000 })).map((e) => e.id)).toEqual(files.events.map((e) => e.id));
    expect((await store.layers()).layers.map((l) => l.id)).toEqual(files.layers.map((l) => l.manifest.id));
  });

  it("finds the same events for every name of As-Suwayda, in Latin and Arabic script", async () => {
    const sweida = await search("Sweida");
    expect(sweida.length).toBeGreaterThan(0);
    expect(await search("Suwayda")).toEqual(sweida);
    expect(await search("suwayda")).toEqual(sweida);
    expect(await search("السويداء")).toEqual(sweida);
  });

  it("finds the events about the Area of Separation by the name the article uses", async () => {
    const aos = await search("Area of Separation");
    expect(aos.length).toBeGreaterThan(0);
    for (const id of aos) expect(await search("buffer zone")).toContain(id);
  });

  it("puts in each layer the events the scan of round 1 put there", async () => {
    for (const layer of files.layers) {
      const expected = files.events.filter((e) => touchesLayer(e, layer.manifest.id, layer.data.features)).map((e) => e.id);
      expect((await store.events({ layer: layer.manifest.id }, { limit: 10_000 })).map((e) => e.id), layer.manifest.id).toEqual(expected);
    }
  });
});
