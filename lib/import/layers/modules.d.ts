declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  /** Parts of a shapefile, read from its zip: geometry, attributes, their code page and the coordinate system. */
  export default function getShapefile(parts: { shp: Uint8Array; dbf?: Uint8Array; cpg?: string; prj?: string }): Promise<FeatureCollection>;
}

declare module "@terraformer/wkt" {
  import type { Geometry } from "geojson";
  export function wktToGeoJSON(wkt: string): Geometry;
  export function geojsonToWKT(geometry: Geometry): string;
}
