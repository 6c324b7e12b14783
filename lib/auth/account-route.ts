import "server-only";
import { answer } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { authorizeWrite } from "@/lib/api/write-access";
import type { Caller } from "./identify";
import type { Role } from "./roles";

/**
 * Runs an account route: the caller is checked (role `needed`, CSRF on cookie writes) before the
 * body is read, RequestErrors become their status with a JSON error, and nothing becomes a 500.
 */
export function accountRoute(request: Request, needed: Role, handler: (caller: Caller) => Promise<Response>): Promise<Response> {
  return answer(
    async () => {
      try {
        return await handler(await authorizeWrite(request, needed));
      } catch (error) {
        if (error instanceof RequestError) return error.response();
        throw error;
      }
    },
    { budget: false },
  );
}

/** A token's owner or an admin may see and revoke it; others get 403. */
export function assertSelfOrAdmin(caller: Caller, userId: number): void {
  if (caller.role === "admin" || caller.user?.id === userId) return;
  throw new RequestError(403, "only the token's owner or an admin may do this", { field: "role" });
}
