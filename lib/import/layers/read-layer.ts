import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import Papa from "papaparse";
import proj4 from "proj4";
import { wktToGeoJSON } from "@terraformer/wkt";
import { ImportRefused, slugPart } from "../record";
import { prjAction } from "./crs";
import { unzipGuarded } from "./unzip";

export const LAYER_FORMATS = ["geojson", "kml", "shp", "csv"] as const;
export type LayerFormat = (typeof LAYER_FORMATS)[number];

/** Largest layer file read (layers are held whole: the store writes a layer in one piece). */
export const MAX_LAYER_BYTES = 100 * 1024 * 1024;

export type ReadLayer = { data: FeatureCollection; notes: string[] };

/**
 * A layer file as WGS84 GeoJSON features with string ids, or a refusal saying why. The store then
 * checks the features by the same geometry rules as data/ before anything is saved.
 */
export async function readLayerFile(bytes: Uint8Array, format: LayerFormat): Promise<ReadLayer> {
  if (bytes.length > MAX_LAYER_BYTES) throw new ImportRefused(`the file is ${Math.round(bytes.length / 1024 / 1024)} MB; layers are limited to ${MAX_LAYER_BYTES / 1024 / 1024} MB`);
  const notes: string[] = [];
  let fc: FeatureCollection;
  if (format === "geojson") fc = fromGeoJson(text(bytes), notes);
  else if (format === "kml") fc = fromKml(text(bytes));
  else if (format === "shp") fc = await fromShapefile(bytes, notes);
  else fc = fromCsv(text(bytes), notes);
  return { data: normalise(fc, notes), notes };
}

function text(bytes: Uint8Array): string {
  const t = new TextDecoder("utf-8").decode(bytes);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

function fromGeoJson(source: string, notes: string[]): FeatureCollection {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new ImportRefused(`the file is not JSON: ${(error as Error).message}`);
  }
  const o = json as { type?: string; features?: unknown; crs?: { properties?: { name?: string } } };
  let fc: FeatureCollection;
  if (o?.type === "FeatureCollection" && Array.isArray(o.features)) fc = o as FeatureCollection;
  else if (o?.type === "Feature") fc = { type: "FeatureCollection", features: [o as Feature] };
  else if (typeof o?.type === "string" && "coordinates" in (o as object)) fc = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: o as Geometry }] };
  else throw new ImportRefused('expected GeoJSON: a FeatureCollection, a Feature or a geometry ("type" says which)');
  // RFC 7946 dropped "crs"; older files still carry one. WGS84 names pass, others are reprojected when proj4 knows them.
  const crs = o.crs?.properties?.name;
  if (crs) {
    const code = /EPSG::?(\d+)/i.exec(crs)?.[1];
    if (!/CRS84$/i.test(crs) && code !== "4326") {
      const from = code ? `EPSG:${code}` : crs;
      if (!proj4.defs(from)) throw new ImportRefused(`the GeoJSON's crs is ${crs}, which cannot be converted to WGS84; reproject it to EPSG:4326 first`);
      const convert = proj4(from, "EPSG:4326");
      fc.features.forEach((f) => f.geometry && mapPositions(f.geometry, (p) => convert.forward([p[0]!, p[1]!])));
      notes.push(`reprojected from ${from} to WGS84`);
    }
    delete (fc as { crs?: unknown }).crs;
  }
  return fc;
}

/** KML read without any entity expansion: a DOCTYPE (where entities are declared) is refused outright. */
function fromKml(source: string): FeatureCollection {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new ImportRefused("the KML declares a DOCTYPE or entities, which Briefmap refuses (they can read local files or expand without end); remove the declaration");
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(source, "text/xml");
  if (errors.length > 0) throw new ImportRefused(`the KML is not well-formed XML: ${errors[0]}`);
  const fc = kml(doc as unknown as Document) as FeatureCollection;
  if (fc.features.length === 0) throw new ImportRefused("the KML has no Placemark with a geometry");
  return fc;
}

async function fromShapefile(zip: Uint8Array, notes: string[]): Promise<FeatureCollection> {
  const files = await unzipGuarded(zip, (name) => /\.(shp|dbf|prj|cpg)$/i.test(name));
  const byExt = (ext: string) => [...files.entries()].filter(([name]) => name.toLowerCase().endsWith(ext));
  const shps = byExt(".shp");
  if (shps.length === 0) throw new ImportRefused("the zip holds no .shp file");
  if (shps.length > 1) throw new ImportRefused(`the zip holds ${shps.length} shapefiles (${shps.map(([n]) => n).join(", ")}); import them one at a time`);
  const base = shps[0]![0].slice(0, -4);
  const part = (ext: string) => [...files.entries()].find(([name]) => name.slice(0, -4) === base && name.toLowerCase().endsWith(ext))?.[1];
  const dbf = part(".dbf");
  if (!dbf) throw new ImportRefused(`the zip has ${base}.shp but no ${base}.dbf: the features' attributes (their names) are missing`);
  const prjBytes = part(".prj");
  const prj = prjBytes ? new TextDecoder().decode(prjBytes) : undefined;
  const action = prjAction(prj);
  if (action.note) notes.push(action.note);
  const cpg = part(".cpg");
  try {
    // Loaded when needed, and as ES module: its CommonJS build is for browsers only.
    const { default: getShapefile } = await import("shpjs");
    return await getShapefile({ shp: part(".shp")!, dbf, ...(cpg ? { cpg: new TextDecoder().decode(cpg) } : {}), ...(action.reproject ? { prj: action.reproject } : {}) });
  } catch (error) {
    throw new ImportRefused(`the shapefile cannot be read: ${(error as Error).message}`);
  }
}

const WKT_COLUMNS = ["wkt", "geometry", "geom", "the_geom", "wkt_geom"];
const LAT_COLUMNS = ["lat", "latitude", "y"];
const LON_COLUMNS = ["lon", "lng", "long", "longitude", "x"];

function fromCsv(source: string, notes: string[]): FeatureCollection {
  const parsed = Papa.parse<Record<string, string>>(source, { header: true, skipEmptyLines: "greedy" });
  const fields = parsed.meta.fields ?? [];
  const find = (names: string[]) => fields.find((f) => names.includes(f.trim().toLowerCase()));
  const wkt = find(WKT_COLUMNS);
  const lat = find(LAT_COLUMNS);
  const lon = find(LON_COLUMNS);
  if (!wkt && !(lat && lon)) {
    throw new ImportRefused(`the CSV needs a WKT column (${WKT_COLUMNS.join(", ")}) or latitude and longitude columns (${LAT_COLUMNS.join("/")} and ${LON_COLUMNS.join("/")}); it has ${fields.join(", ") || "no header"}`);
  }
  const problems: string[] = [];
  const features: Feature[] = [];
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    let geometry: Geometry;
    try {
      if (wkt) geometry = wktToGeoJSON(String(row[wkt] ?? ""));
      else {
        const y = Number(row[lat!]);
        const x = Number(row[lon!]);
        if (!(row[lat!] ?? "").trim() || !Number.isFinite(y) || y < -90 || y > 90) throw new Error(`latitude "${row[lat!]}" is not a number from -90 to 90`);
        if (!(row[lon!] ?? "").trim() || !Number.isFinite(x) || x < -180 || x > 180) throw new Error(`longitude "${row[lon!]}" is not a number from -180 to 180`);
        geometry = { type: "Point", coordinates: [x, y] };
      }
    } catch (error) {
      problems.push(`line ${line}: ${(error as Error).message}`);
      return;
    }
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) if (k !== wkt && k !== lat && k !== lon && k !== "__parsed_extra") properties[k] = v;
    features.push({ type: "Feature", properties, geometry });
  });
  if (problems.length > 0) throw new ImportRefused(`${problems.length} row(s) have no usable geometry, so the layer is not imported: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? "; …" : ""}`);
  if (wkt) notes.push(`geometry read from the WKT column "${wkt}"`);
  return { type: "FeatureCollection", features };
}

/** String ids for every feature (the store requires them), from the file's ids or names, unique. */
function normalise(fc: FeatureCollection, notes: string[]): FeatureCollection {
  const used = new Set<string>();
  let dropped = 0;
  const features: Feature[] = [];
  fc.features.forEach((f, i) => {
    if (!f || !f.geometry) {
      dropped++;
      return;
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const given = f.id ?? props.id ?? props.name;
    let id = given !== undefined && given !== null && String(given) !== "" ? (typeof f.id === "string" ? f.id : slugPart(String(given)) || `f${i + 1}`) : `f${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    features.push({ ...f, id, properties: props });
  });
  if (dropped > 0) notes.push(`${dropped} feature(s) without a geometry left out`);
  if (features.length === 0) throw new ImportRefused("the file has no feature with a geometry");
  return { type: "FeatureCollection", features };
}

function mapPositions(g: Geometry, f: (p: Position) => Position): void {
  if (g.type === "GeometryCollection") return g.geometries.forEach((x) => mapPositions(x, f));
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === "number" ? f(c as Position) : (c as unknown[]).map(walk));
  (g as { coordinates: unknown }).coordinates = walk(g.coordinates);
}
