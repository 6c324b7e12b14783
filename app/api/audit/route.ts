import type { NextRequest } from "next/server";
import { getStore } from "@/lib/store";
import { readAuditFilter } from "@/lib/api/audit-query";
import { json } from "@/lib/api/responses";
import { writeRoute } from "@/lib/api/writes/write-route";

/**
 * The audit log, newest first: who changed what, when, with the thing before and after. It holds
 * deleted content and who wrote, so it is for admins (session, API token or the bootstrap token). `next` is the link to the
 * following (older) page, null on the last.
 */
export async function GET(request: NextRequest) {
  return writeRoute(request, async () => {
    const params = request.nextUrl.searchParams;
    const filter = readAuditFilter(params);
    const entries = await (await getStore()).audit(filter);
    const last = entries.at(-1);
    let next: string | null = null;
    if (last && entries.length === filter.limit) {
      const following = new URLSearchParams(params);
      following.set("before", String(last.id));
      next = `/api/audit?${following}`;
    }
    return json({ entries, next }, { headers: { "cache-control": "no-store" } });
  }, "admin");
}
