import { answer, json } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { identify } from "@/lib/auth/identify";
import { getStore } from "@/lib/store";

/** Who the request is signed in (or authorised by token) as: `{ user: { name, role }, via }`, or 401. */
export async function GET(request: Request) {
  return answer(async () => {
    try {
      const caller = await identify(request, await getStore());
      if (!caller) return json({ error: { message: "not signed in" } }, { status: 401, headers: { "cache-control": "no-store" } });
      return json({ user: { name: caller.actor, role: caller.role }, via: caller.via }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof RequestError) return error.response();
      throw error;
    }
  });
}
