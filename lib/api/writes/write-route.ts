import "server-only";
import { answer } from "../responses";
import { RequestError } from "../request-error";
import type { Role } from "@/lib/auth/roles";
import { authorizeWrite } from "../write-access";
import type { Caller } from "@/lib/auth/identify";

/**
 * Runs a write handler: the writer (and their role, editor unless `needed` says admin) is checked
 * before anything of the body is read, a RequestError
 * becomes its status with a JSON error naming the field, and answer() maps store errors (409, 412, …)
 * and keeps anything else from leaking as more than a 500.
 */
export function writeRoute(request: Request, handler: (actor: string, caller: Caller) => Promise<Response>, needed: Role = "editor"): Promise<Response> {
  return answer(async () => {
    try {
      const caller = await authorizeWrite(request, needed);
      return await handler(caller.actor, caller);
    } catch (error) {
      if (error instanceof RequestError) return error.response();
      throw error;
    }
    // No time budget: a write cut off by it could still commit after the client was told 503.
    // Writes are bounded by their body limits and the store's own statement timeout instead.
  }, { budget: false });
}
