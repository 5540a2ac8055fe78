/**
 * Reproducible fault injection. For a seed, the n-th API call always meets the same fate. Of the calls that
 * fail, a tenth are throttled (429 with Retry-After, before acting); of the rest, half fail BEFORE the server
 * acts (503 or a dropped connection) and half AFTER it has acted, with the answer lost (502 or a dropped
 * connection), which is what makes a naive client create duplicates.
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
  }

  /** Draws the fate of the next call; three draws per call keep the sequence independent of the outcome. */
  next(): Fault | undefined {
    const [hit, kind, effect] = [this.random(), this.random(), this.random()];
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
}
