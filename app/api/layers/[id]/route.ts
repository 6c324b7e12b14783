import { answer, geojsonText, notFound, ParamError } from "@/lib/api/responses";
import { layerKml } from "@/lib/export/layer-kml";
import { clip } from "@/lib/view/values";
import { getStore } from "@/lib/store";
import { layerBytes } from "./layer-bytes";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { id } = await params;
    const store = await getStore();
    const format = new URL(request.url).searchParams.get("format");
    if (format !== null && format !== "geojson" && format !== "kml") throw new ParamError("format", `"${format.slice(0, 40)}" is not one of geojson, kml`);
    if (format === "kml") {
      const kml = await layerKml(store, id);
      if (kml) return kml;
    }
    const bytes = await layerBytes(store, id);
    if (bytes && format === "geojson") return geojsonText(bytes, { headers: { "content-disposition": `attachment; filename="${id}.geojson"` } });
    if (bytes) return geojsonText(bytes, { headers: { "cache-control": "public, max-age=300" } });
    const broken = (await store.layers()).unavailable.find((l) => l.id === id);
    if (broken) return notFound(`layer "${id}" is unavailable: ${broken.problems.join("; ")}`);
    return notFound(`no layer "${clip(id, 60)}"; GET /api/layers lists the layers`);
  });
}

import { layerKind } from "@/lib/api/writes/kinds";
import { patch, remove, replace } from "@/lib/api/writes/handlers";

/** Writes (lib/api/writes): the admin token, If-Match honoured. */
export const PUT = replace(layerKind);
export const PATCH = patch(layerKind);
export const DELETE = remove(layerKind);
