/**
 * Admission of requests into the server, a few per turn of the event loop.
 *
 * Under load, Node hands every socket that became readable to the server in one poll phase. Each
 * request then renders a page or runs a store query synchronously (better-sqlite3 is synchronous by
 * design), so a hundred requests arriving together make one turn of the loop last hundreds of
 * milliseconds: timers, time budgets and every other connection wait behind them. Here requests wait
 * (asynchronously, which costs nothing) and are let in a few per turn, so that a turn holds at most
 * a bounded amount of work. Throughput is unchanged (the same work runs, in shorter turns); latency
 * under overload becomes queueing, which is fair (first come, first served) and visible.
 *
 * How many per turn adapts to this machine: the count halves when a turn took longer than
 * TURN_TARGET_MS and grows by one when it did not (additive increase, multiplicative decrease).
 * Beyond MAX_WAITING queued requests the server is overloaded, and a request is refused at once
 * with 503 and Retry-After rather than held until it times out.
 *
 * BRIEFMAP_REQUEST_TURNS=off admits every request at once (Node's own behaviour): for a deployment
 * whose load balancer already bounds each instance's concurrency, and for the load benchmark's
 * side-by-side comparison.
 */

/**
 * A turn longer than this makes admission stricter: well under the 50 ms the server promises at
 * p99, because the work let in during one turn finishes in the next ones.
 */
const TURN_TARGET_MS = 20;
const MIN_PER_TURN = 1;
const MAX_PER_TURN = 32;
/** Requests queued beyond this are refused: a queue this long already waits seconds. */
export const MAX_WAITING = 2_000;

export type Admission = "admitted" | "refused";

type Gate = {
  perTurn: number;
  startedThisTurn: number;
  waiting: (() => void)[];
  turnScheduled: boolean;
  turnStartedAt: number;
};

/** One gate per process: Next may load this module in more than one bundle. */
const GATE_KEY = Symbol.for("briefmap.request-turns");
const holder = globalThis as typeof globalThis & { [GATE_KEY]?: Gate };

function gate(): Gate {
  holder[GATE_KEY] ??= { perTurn: 4, startedThisTurn: 0, waiting: [], turnScheduled: false, turnStartedAt: 0 };
  return holder[GATE_KEY];
}

/**
 * Resolves when the request may start: at once while this turn has room and nobody is queued,
 * otherwise in a later turn, in arrival order. "refused" when the queue is full.
 */
export function admitRequest(): Promise<Admission> | Admission {
  if (process.env.BRIEFMAP_REQUEST_TURNS === "off") return "admitted";
  const g = gate();
  scheduleTurn(g);
  if (g.waiting.length === 0 && g.startedThisTurn < g.perTurn) {
    g.startedThisTurn++;
    return "admitted";
  }
  if (g.waiting.length >= MAX_WAITING) return "refused";
  return new Promise<Admission>((resolve) => g.waiting.push(() => resolve("admitted")));
}

/** How many requests wait, and how many a turn admits now: for the server's health figures and tests. */
export function admissionState(): { waiting: number; perTurn: number } {
  const g = gate();
  return { waiting: g.waiting.length, perTurn: g.perTurn };
}

function scheduleTurn(g: Gate) {
  if (g.turnScheduled) return;
  g.turnScheduled = true;
  if (g.turnStartedAt === 0) g.turnStartedAt = performance.now();
  // setImmediate runs in the loop's check phase, after timers and I/O: one call per turn.
  setImmediate(() => nextTurn(g));
}

function nextTurn(g: Gate) {
  g.turnScheduled = false;
  const now = performance.now();
  const turnMs = now - g.turnStartedAt;
  g.turnStartedAt = now;
  g.perTurn = turnMs > TURN_TARGET_MS ? Math.max(MIN_PER_TURN, Math.floor(g.perTurn / 2)) : Math.min(MAX_PER_TURN, g.perTurn + 1);
  const busy = g.startedThisTurn > 0;
  g.startedThisTurn = 0;
  while (g.startedThisTurn < g.perTurn && g.waiting.length > 0) {
    g.startedThisTurn++;
    g.waiting.shift()?.();
  }
  // Keep turning while anything is queued or just started; an idle server schedules nothing.
  if (g.waiting.length > 0 || busy || g.startedThisTurn > 0) scheduleTurn(g);
  else g.turnStartedAt = 0;
}
