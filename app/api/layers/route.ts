import { answer, json } from "@/lib/api/responses";
import { getStore } from "@/lib/store";

export async function GET() {
  return answer(async () => {
    const { layers, unavailable } = await (await getStore()).layers();
    return json({ layers, unavailable });
  });
}

import { layerKind } from "@/lib/api/writes/kinds";
import { create } from "@/lib/api/writes/handlers";

/** POST a layer (its manifest fields and `data`, the FeatureCollection); needs the admin token (lib/api/writes). */
export const POST = create(layerKind);
