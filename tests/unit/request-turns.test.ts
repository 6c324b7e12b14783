import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The gate is process-wide state (kept on globalThis); each test loads a fresh module and gate.
type Module = typeof import("@/lib/server/request-turns");
const GATE_KEY = Symbol.for("briefmap.request-turns");
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function freshGate(): Promise<Module> {
  delete (globalThis as Record<symbol, unknown>)[GATE_KEY];
  vi.resetModules();
  return import("@/lib/server/request-turns");
}

describe("request admission per event-loop turn", () => {
  beforeEach(() => vi.stubEnv("BRIEFMAP_REQUEST_TURNS", ""));
  afterEach(() => vi.unstubAllEnvs());

  it("admits a request at once on an idle server", async () => {
    const { admitRequest } = await freshGate();
    expect(admitRequest()).toBe("admitted");
  });

  it("lets a burst in a few per turn, in arrival order, and lets every request in", async () => {
    const { admitRequest, admissionState } = await freshGate();
    const perTurn = admissionState().perTurn;
    const order: number[] = [];
    const burst = Array.from({ length: 40 }, (_, i) =>
      Promise.resolve(admitRequest()).then((admission) => {
        expect(admission).toBe("admitted");
        order.push(i);
      }),
    );
    await Promise.resolve();
    // The first turn's share went in at once; the rest wait.
    expect(order).toHaveLength(perTurn);
    expect(admissionState().waiting).toBe(40 - perTurn);

    const admittedPerTurn: number[] = [];
    while (admissionState().waiting > 0) {
      const before = order.length;
      await nextTurn();
      await Promise.resolve();
      admittedPerTurn.push(order.length - before);
    }
    await Promise.all(burst);
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // No turn lets in more than the adaptive ceiling, and each turn lets in at least one.
    for (const n of admittedPerTurn) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(32);
    }
    expect(admittedPerTurn.length).toBeGreaterThan(1);
  });

  it("admits fewer per turn after a turn that ran long", async () => {
    const { admitRequest, admissionState } = await freshGate();
    const start = admissionState().perTurn;
    for (let i = 0; i < 20; i++) void admitRequest();
    // Block the loop well past the 20 ms turn target, as a burst of synchronous renders would.
    const until = performance.now() + 60;
    while (performance.now() < until);
    await nextTurn();
    expect(admissionState().perTurn).toBeLessThan(start);
  });

  it("refuses at once when the queue is full instead of holding the request", async () => {
    const { admitRequest, MAX_WAITING } = await freshGate();
    const answers = Array.from({ length: MAX_WAITING + 50 }, () => admitRequest());
    expect(answers.filter((a) => a === "refused")).toHaveLength(answers.length - MAX_WAITING - answers.filter((a) => a === "admitted").length);
    expect(answers.at(-1)).toBe("refused");
    while ((await import("@/lib/server/request-turns")).admissionState().waiting > 0) await nextTurn();
  });

  it("admits everything at once when turned off", async () => {
    vi.stubEnv("BRIEFMAP_REQUEST_TURNS", "off");
    const { admitRequest, admissionState } = await freshGate();
    const answers = Array.from({ length: 100 }, () => admitRequest());
    expect(answers.every((a) => a === "admitted")).toBe(true);
    expect(admissionState().waiting).toBe(0);
  });
});
