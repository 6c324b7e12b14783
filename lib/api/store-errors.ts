import { StoreError } from "@/lib/store/store";
import type { FieldProblem } from "./request-error";

/** The HTTP status of each reason a store call fails; the one place that decides it. */
export const STORE_ERROR_STATUS: Record<StoreError["code"], number> = {
  invalid: 400,
  "not-found": 404,
  duplicate: 409,
  conflict: 409,
  stale: 412,
  unavailable: 503,
  timeout: 503,
};

/** What a store error without problems concerns: a duplicate is about the id, a stale write about If-Match. */
const IMPLIED_FIELD: Partial<Record<StoreError["code"], string>> = { duplicate: "id", stale: "If-Match" };

/**
 * A StoreError as the API's JSON error: `{ error: { field?, message, problems? } }`, the field being
 * the first problem's (e.g. `sources[0].quote`) so that a client can point at what to fix.
 */
export function storeErrorResponse(error: StoreError): Response {
  const problems: FieldProblem[] = error.problems.map((p) => ({ field: p.item ?? p.file, rule: p.rule, message: p.message }));
  const field = problems[0]?.field ?? IMPLIED_FIELD[error.code];
  const body = { error: { ...(field ? { field } : {}), message: error.message, ...(problems.length ? { problems } : {}) } };
  return new Response(JSON.stringify(body), {
    status: STORE_ERROR_STATUS[error.code] ?? 500,
    headers: {
      "content-type": "application/json; charset=utf-8",
      // A store that is down or busy is worth retrying shortly.
      ...(error.code === "unavailable" || error.code === "timeout" ? { "retry-after": "5" } : {}),
    },
  });
}

export { StoreError };
