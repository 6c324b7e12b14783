import "server-only";

/** Wrong passwords in a row after which a name is locked. */
export const LOCK_AFTER_FAILURES = 10;
/** How long a locked name refuses every try (BRIEFMAP_SIGN_IN_LOCK_SECONDS, default 15 minutes). */
export function lockMs(): number {
  const n = Number(process.env.BRIEFMAP_SIGN_IN_LOCK_SECONDS);
  return (Number.isFinite(n) && n > 0 ? n : 15 * 60) * 1000;
}
/**
 * Sign-in tries one address may make per window, right or wrong (a spray over many names):
 * BRIEFMAP_SIGN_IN_ADDRESS_TRIES, default 30 per 10 minutes.
 */
export function addressTries(): number {
  const n = Number(process.env.BRIEFMAP_SIGN_IN_ADDRESS_TRIES);
  return Number.isInteger(n) && n > 0 ? n : 30;
}
export const ADDRESS_WINDOW_MS = 10 * 60_000;

type AddressState = { tries: number[] };

/**
 * Sign-in tries per address, kept in this process's memory (addresses are what a front proxy sees;
 * a restart forgets them). The per-name lock after wrong passwords is kept in the store instead
 * (AccountStore.recordSignInFailure), so that it holds across restarts and app instances.
 */
class SignInThrottle {
  private readonly addresses = new Map<string, AddressState>();

  /** Seconds this address must wait before it may try again; 0 when a try is allowed now. */
  waitSeconds(address: string, now = Date.now()): number {
    this.prune(now);
    let until = 0;
    const addr = this.addresses.get(address);
    if (addr) {
      const tries = addr.tries.filter((t) => t > now - ADDRESS_WINDOW_MS);
      if (tries.length >= addressTries()) until = Math.max(until, tries[0]! + ADDRESS_WINDOW_MS);
    }
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Counts a try from an address (before the password is checked, so concurrent guesses count too). */
  tried(address: string, now = Date.now()): void {
    const addr = this.addresses.get(address) ?? { tries: [] };
    addr.tries = [...addr.tries.filter((t) => t > now - ADDRESS_WINDOW_MS), now];
    this.addresses.set(address, addr);
  }

  /** Drops addresses nobody is waiting on, so that many addresses cannot grow memory without bound. */
  private prune(now: number): void {
    if (this.addresses.size < 10_000) return;
    for (const [k, v] of this.addresses) if (v.tries.every((t) => t < now - ADDRESS_WINDOW_MS)) this.addresses.delete(k);
  }
}

const KEY = Symbol.for("briefmap.sign-in-throttle");
const holder = globalThis as typeof globalThis & { [KEY]?: SignInThrottle };

/** The process's one throttle (shared by every route bundle, like the store). */
export function signInThrottle(): SignInThrottle {
  holder[KEY] ??= new SignInThrottle();
  return holder[KEY];
}
