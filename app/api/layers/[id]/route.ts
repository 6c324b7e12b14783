import { answer, geojsonText, notFound } from "@/lib/api/responses";
import { clip } from "@/lib/view/values";
import { getStore } from "@/lib/store";
import { layerBytes } from "./layer-bytes";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const { id } = await params;
    const store = await getStore();
    const bytes = await layerBytes(store, id);
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
