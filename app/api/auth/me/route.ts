import { answer, json } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { identify } from "@/lib/auth/identify";
import { getStore } from "@/lib/store";

/**
 * Who the request is signed in (or authorised by token) as: `{ user: { name, role }, via }`, or
 * `{ user: null }` when nobody is: being signed out is an answer here, not an error (every page asks).
 */
export async function GET(request: Request) {
  return answer(async () => {
    try {
      const caller = await identify(request, await getStore());
      if (!caller) return json({ user: null }, { headers: { "cache-control": "no-store" } });
      return json({ user: { name: caller.actor, role: caller.role }, via: caller.via }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof RequestError) return error.response();
      throw error;
    }
  });
}
