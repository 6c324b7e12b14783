import { getBriefData } from "@/lib/data";
import { answer, geojsonText, jsonBytesOnce, notFound } from "@/lib/api/responses";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { id } = await params;
    const { layers, unavailable } = await getBriefData();
    const layer = layers.find((l) => l.manifest.id === id);
    if (layer) return geojsonText(jsonBytesOnce(layer.data), { headers: { "cache-control": "public, max-age=300" } });
    const broken = unavailable.find((l) => l.id === id);
    if (broken) return notFound(`layer "${id}" is unavailable: ${broken.problems.join("; ")}`);
    return notFound(`no layer "${clip(id)}"; GET /api/layers lists the layers`);
  });
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

import { layerKind } from "@/lib/api/writes/kinds";
import { patch, remove, replace } from "@/lib/api/writes/handlers";

/** Writes (lib/api/writes): the admin token, If-Match honoured. */
export const PUT = replace(layerKind);
export const PATCH = patch(layerKind);
export const DELETE = remove(layerKind);
