import proj4 from "proj4";
import { ImportRefused } from "../record";

/**
 * What to do with a .prj (WKT coordinate system): nothing when it is longitude/latitude on WGS84
 * (or a datum within a metre of it), the .prj text for shpjs to reproject with proj4 when proj4 can
 * read it, and a refusal naming the system otherwise, so that no layer lands in the wrong place.
 */
export function prjAction(prj: string | undefined): { reproject?: string; note?: string } {
  if (prj === undefined || prj.trim() === "") return { note: "no .prj: coordinates taken as WGS84 longitude/latitude" };
  const text = prj.trim();
  const geographic = /^GEOGCS\[/i.test(text) || /^GEOGCRS\[/i.test(text);
  if (geographic && /WGS[_ ]?(19)?84|D_WGS_1984|ETRS|GRS[_ ]?1980|NAD[_ ]?(19)?83/i.test(text)) return {};
  try {
    proj4(text);
  } catch {
    throw new ImportRefused(`the .prj names a coordinate system that cannot be converted to WGS84 (${name(text)}); reproject the layer to EPSG:4326 first`);
  }
  return { reproject: text, note: `reprojected from ${name(text)} to WGS84` };
}

function name(wkt: string): string {
  return /^\w+\["([^"]+)"/.exec(wkt)?.[1] ?? wkt.slice(0, 60);
}
