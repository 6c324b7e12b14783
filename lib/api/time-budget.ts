import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** Default time a request may take before it is answered 503 and its work is cancelled. */
const DEFAULT_REQUEST_BUDGET_MS = 10_000;

/** A request ran out of its time budget; answered 503 with `message`, never left running. */
export class TimeBudgetError extends Error {
  readonly status = 503;
  constructor(readonly budgetMs: number) {
    super(`the request took longer than its time budget of ${budgetMs / 1000} s and was cancelled; narrow the query or try again`);
    this.name = "TimeBudgetError";
  }
}

/** BRIEFMAP_REQUEST_BUDGET_MS, or 10 s; a value that is not a positive number falls back to the default. */
export function requestBudgetMs(): number {
  const value = Number(process.env.BRIEFMAP_REQUEST_BUDGET_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_REQUEST_BUDGET_MS;
}

const current = new AsyncLocalStorage<AbortSignal>();

/**
 * The abort signal of the time budget the caller runs under, if any. Long work (a store query that
 * walks many rows, a preview that draws many features) checks it between steps, e.g.
 * `currentBudgetSignal()?.throwIfAborted()`, so that a cancelled request stops using the server.
 */
export function currentBudgetSignal(): AbortSignal | undefined {
  return current.getStore();
}

/**
 * Runs `work` with `ms` milliseconds to finish. When the time is up the signal given to the work
 * (also `currentBudgetSignal()` inside it) is aborted and the promise rejects with a TimeBudgetError.
 * Work that never yields to the event loop cannot be interrupted; it is cut into steps that check
 * the signal instead.
 */
export function withTimeBudget<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const expired = new TimeBudgetError(ms);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort(expired);
      reject(expired);
    }, ms);
    current
      .run(controller.signal, () => work(controller.signal))
      .then(resolve, (error: unknown) => reject(controller.signal.aborted ? expired : error))
      .finally(() => clearTimeout(timer));
  });
}

/** A route handler run under the request budget: its answer, or a 503 that says the budget ran out. */
export async function withinRequestBudget(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await withTimeBudget(requestBudgetMs(), handler);
  } catch (error) {
    if (!(error instanceof TimeBudgetError)) throw error;
    return new Response(JSON.stringify({ error: { message: error.message } }), {
      status: error.status,
      headers: { "content-type": "application/json; charset=utf-8", "retry-after": "5" },
    });
  }
}
