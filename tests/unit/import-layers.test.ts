import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importLayerFile, type LayerImportOptions } from "@/lib/import/layers/import-layer";
import type { LayerFormat } from "@/lib/import/layers/read-layer";
import { openSqliteStore } from "@/lib/store/sqlite/sqlite-store";
import type { Store } from "@/lib/store/store";
import { namesDbf, pointShp, UTM36N_PRJ, WGS84_PRJ, zip } from "../fixtures/import/shapefile";

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "briefmap-layer-import-"));
  store = openSqliteStore(join(dir, "store.sqlite"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const provenance = { source: "Field survey", licence: "CC BY 4.0", attribution: "Test team", date: "2025-05-01" };
const run = (bytes: Uint8Array | string, format: LayerFormat, extra: Partial<LayerImportOptions> = {}) =>
  importLayerFile(store, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, format, { fileName: `places.${format}`, actor: "analyst", provenance, ...extra });

const points = { type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "Alpha" }, geometry: { type: "Point", coordinates: [35.5, 32.5] } }] };

describe("layer import", () => {
  it("saves a GeoJSON layer with its provenance and ids from the names", async () => {
    const report = await run(JSON.stringify(points), "geojson");
    expect(report).toMatchObject({ layer: "places", features: 1 });
    expect(report.refused).toBeUndefined();
    const layer = (await store.layer("places"))!;
    expect(layer.data.features[0]!.id).toBe("alpha");
    expect(layer.summary).toMatchObject({ source: "Field survey", licence: "CC BY 4.0", attribution: "Test team" });
  });

  it("refuses a layer without provenance, naming what is missing", async () => {
    const report = await run(JSON.stringify(points), "geojson", { provenance: { source: "x" } });
    expect(report.refused).toMatch(/lacks licence, attribution, date/);
    expect(await store.layer("places")).toBeUndefined();
  });

  it("refuses geometry the data rules refuse, and writes nothing", async () => {
    const bad = { type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "Bad" }, geometry: { type: "Point", coordinates: [35.5, 123] } }] };
    const report = await run(JSON.stringify(bad), "geojson");
    expect(report.refused).toBeDefined();
    expect(report.problems?.length).toBeGreaterThan(0);
    expect(await store.layer("places")).toBeUndefined();
  });

  it("reads KML placemarks and refuses a DOCTYPE with entities (XXE)", async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Bravo</name><Point><coordinates>35.6,32.6</coordinates></Point></Placemark></Document></kml>`;
    expect(await run(kml, "kml")).toMatchObject({ features: 1 });
    expect((await store.layer("places"))!.data.features[0]!.properties).toMatchObject({ name: "Bravo" });
    const xxe = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><Point><coordinates>35,32</coordinates></Point></Placemark></kml>`;
    const refused = await run(xxe, "kml", { id: "xxe" });
    expect(refused.refused).toMatch(/DOCTYPE or entities/);
    expect(await store.layer("xxe")).toBeUndefined();
  });

  it("reads a zipped shapefile, reprojects UTM by its .prj, and refuses one without .dbf", async () => {
    const wgs = zip({ "towns.shp": pointShp([[35.5, 32.5]]), "towns.dbf": namesDbf(["Charlie"]), "towns.prj": WGS84_PRJ });
    expect(await run(wgs, "shp", { id: "towns" })).toMatchObject({ features: 1, notes: [] });
    expect((await store.layer("towns"))!.data.features[0]).toMatchObject({ id: "charlie", geometry: { coordinates: [35.5, 32.5] } });

    // 500,000 E / 3,600,000 N in UTM 36N is on the 33°E meridian at about 32.5°N.
    const utm = zip({ "utm.shp": pointShp([[500000, 3600000]]), "utm.dbf": namesDbf(["Delta"]), "utm.prj": UTM36N_PRJ });
    const report = await run(utm, "shp", { id: "utm" });
    expect(report.notes.join()).toMatch(/reprojected from WGS_1984_UTM_Zone_36N/);
    const [lon, lat] = (await store.layer("utm"))!.data.features[0]!.geometry.type === "Point" ? ((await store.layer("utm"))!.data.features[0]!.geometry as { coordinates: number[] }).coordinates : [];
    expect(lon).toBeCloseTo(33, 3);
    expect(lat).toBeGreaterThan(32.4);
    expect(lat).toBeLessThan(32.6);

    const noDbf = await run(zip({ "towns.shp": pointShp([[35.5, 32.5]]) }), "shp", { id: "nodbf" });
    expect(noDbf.refused).toMatch(/no towns.dbf/);
  });

  it("refuses a zip bomb while unpacking", async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = zip({ "big.shp": zeros, "big.dbf": namesDbf(["x"]) });
    expect(bomb.length).toBeLessThan(200_000);
    const report = await run(bomb, "shp", { id: "bomb" });
    expect(report.refused).toMatch(/zip bomb/);
  });

  it("reads CSV with WKT or lat/lon, and refuses rows without a geometry", async () => {
    expect(await run('name,wkt\nEcho,"POLYGON((35 32, 36 32, 36 33, 35 33, 35 32))"\n', "csv", { id: "areas" })).toMatchObject({ features: 1 });
    expect((await store.layer("areas"))!.summary.geometryType).toBe("Polygon");
    expect(await run("name,lat,lon\nFoxtrot,32.1,35.1\n", "csv", { id: "pts" })).toMatchObject({ features: 1 });
    const bad = await run("name,lat,lon\nGolf,123,35\n", "csv", { id: "bad" });
    expect(bad.refused).toMatch(/line 2: latitude "123"/);
    // A semicolon-separated file (as European spreadsheets save) is read by its own delimiter.
    expect(await run("name;lat;lon\nHotel;32;35\n", "csv", { id: "semi" })).toMatchObject({ features: 1 });
    const none = await run("name,place\nIndia,somewhere\n", "csv", { id: "none" });
    expect(none.refused).toMatch(/needs a WKT column .* it has name, place/);
  });
});
