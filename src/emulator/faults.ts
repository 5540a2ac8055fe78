/**
 * Reproducible fault injection. For a seed, the n-th API call always meets the same fate. Of the calls that
 * fail, a tenth are throttled (429 with Retry-After, before acting); of the rest, half fail BEFORE the server
 * acts (503 or a dropped connection) and half AFTER it has acted, with the answer lost (502 or a dropped
 * connection), which is what makes a naive client create duplicates.
 *
 * A test can also name the fate of the next call to one endpoint (`inject`), to prove a behaviour that random
 * faults only show by chance: a connection reset AFTER the server acted must end in adoption, not a duplicate, and
 * one BEFORE it acted in a second create. To the client both resets look the same; only the server's state differs.
 */

/** What happens to one call. */
export type Fault = { phase: 'before'; effect: 'throttle' | 'unavailable' | 'drop' } | { phase: 'after'; effect: 'bad-gateway' | 'drop' };

/** How many faults of each kind were injected since start or reset. */
export interface FaultCounts {
  before: number;
  after: number;
  throttled: number;
}

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;
  /** Faults named by a test, per API call name (e.g. `sources/create`), taken first in, first out. */
  private readonly injected = new Map<string, Fault[]>();
  counts: FaultCounts = { before: 0, after: 0, throttled: 0 };

  constructor(
    private readonly rate: number,
    private readonly seed: number,
  ) {
    this.random = prng(seed);
  }

  /** Starts the sequence over, so a reset emulator replays the same faults. */
  reset(): void {
    this.random = prng(this.seed);
    this.counts = { before: 0, after: 0, throttled: 0 };
    this.injected.clear();
  }

  /** The next call to `call` (e.g. `connections/create`) meets `fault`, whatever the rate. */
  inject(call: string, fault: Fault): void {
    this.injected.set(call, [...(this.injected.get(call) ?? []), fault]);
  }

  /**
   * The fate of the next call to `call`: an injected fault if one waits, else a random draw. Three draws per call,
   * made even when an injected fault wins, keep the random sequence independent of the outcome.
   */
  next(call: string): Fault | undefined {
    const [hit, kind, effect] = [this.random(), this.random(), this.random()];
    const injected = this.injected.get(call)?.shift();
    if (injected !== undefined) return this.count(injected);
    if (this.rate <= 0 || hit >= this.rate) return undefined;
    if (kind < 0.1) {
      this.counts.throttled++;
      return { phase: 'before', effect: 'throttle' };
    }
    if (kind < 0.55) {
      this.counts.before++;
      return { phase: 'before', effect: effect < 0.5 ? 'unavailable' : 'drop' };
    }
    this.counts.after++;
    return { phase: 'after', effect: effect < 0.5 ? 'bad-gateway' : 'drop' };
  }

  private count(fault: Fault): Fault {
    if (fault.phase === 'after') this.counts.after++;
    else if (fault.effect === 'throttle') this.counts.throttled++;
    else this.counts.before++;
    return fault;
  }
}
