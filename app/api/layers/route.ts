import { getBriefData } from "@/lib/data";
import { answer, json } from "@/lib/api/responses";

export async function GET() {
  return answer(async () => {
    const { layers, unavailable } = await getBriefData();
    return json({ layers: layers.map((l) => l.summary), unavailable });
  });
}
