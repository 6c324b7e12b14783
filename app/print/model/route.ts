import type { NextRequest } from "next/server";
import { answer, json } from "@/lib/api/responses";
import { readPrint } from "../read-print";

/** The print of a view as JSON, for the export buttons, which compose PNG and PDF in the browser. */
export async function GET(request: NextRequest) {
  return answer(async () => {
    const search = Object.fromEntries(request.nextUrl.searchParams.entries());
    const { model, ignored } = await readPrint(search);
    return json({ model, ignored }, { headers: { "cache-control": "no-store" } });
  });
}
