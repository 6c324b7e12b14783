import { afterEach, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { answer, json } from "./responses";
import { currentBudgetSignal, TimeBudgetError, withTimeBudget } from "./time-budget";

afterEach(() => {
  delete process.env.BRIEFMAP_REQUEST_BUDGET_MS;
});

describe("a time budget", () => {
  it("lets work that finishes in time answer", async () => {
    await expect(withTimeBudget(1000, async () => "done")).resolves.toBe("done");
  });

  it("rejects work that runs over with a 503 error, and aborts the work's signal so it stops", async () => {
    let seen: AbortSignal | undefined;
    let stepsAfterAbort = 0;
    const run = withTimeBudget(50, async (signal) => {
      seen = currentBudgetSignal();
      for (let i = 0; i < 100; i++) {
        await sleep(10);
        if (signal.aborted) return "stopped";
        if (i > 20) stepsAfterAbort++;
      }
      return "finished";
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeBudgetError);
    expect((error as TimeBudgetError).status).toBe(503);
    expect((error as Error).message).toMatch(/time budget of 0.05 s/);
    expect(seen?.aborted).toBe(true);
    await sleep(300);
    expect(stepsAfterAbort).toBe(0);
  });

  it("makes an API handler that runs over BRIEFMAP_REQUEST_BUDGET_MS answer 503 with a message", async () => {
    process.env.BRIEFMAP_REQUEST_BUDGET_MS = "50";
    const res = await answer(async () => {
      await sleep(500, undefined, { signal: currentBudgetSignal() }).catch(() => undefined);
      return json({ late: true });
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/time budget/);
  });

  it("leaves other failures as they were: a handler error is still a 500, not a 503", async () => {
    const res = await answer(async () => {
      throw new Error("boom");
    });
    expect(res.status).toBe(500);
  });
});
