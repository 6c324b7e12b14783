import { answer, json } from "@/lib/api/responses";
import { getStore } from "@/lib/store";

export async function GET() {
  return answer(async () => {
    const { layers, unavailable } = await (await getStore()).layers();
    return json({ layers, unavailable });
  });
}
