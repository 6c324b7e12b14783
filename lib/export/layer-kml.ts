import { toKML } from "@placemarkio/tokml";
import type { Store } from "@/lib/store/store";
import { xml } from "./kml-text";

/**
 * A layer as a KML download (tokml writes the geometry and properties), with its provenance in the
 * document's description so that it travels with the file; undefined for an unknown layer.
 */
export async function layerKml(store: Store, id: string): Promise<Response | undefined> {
  const layer = await store.layer(id);
  if (!layer) return undefined;
  const p = layer.manifest.provenance;
  const kml = toKML(layer.data).replace(
    /<Document>/,
    `<Document><name>${xml(layer.manifest.title)}</name><description>${xml(`Source: ${p.source}. Licence: ${p.licence}. Attribution: ${p.attribution}. As of ${p.date}.`)}</description>`,
  );
  return new Response(kml, { headers: { "content-type": "application/vnd.google-earth.kml+xml; charset=utf-8", "content-disposition": `attachment; filename="${id}.kml"` } });
}
