/**
 * When to list for convergence. A create is checked against other runs' copies only by a listing sent once the
 * second its creation time was stamped in is over, plus a margin for the other run's write to land: the server
 * stamps creation times in whole seconds, so a copy another run made in the same second as ours is then certain to
 * be in the listing. Every run then sees the same copies and keeps the same one. That second ends at most 1 s after
 * the create's answer, so the wait is `waitMs` (1 s plus the margin) after the answer, or less once the creation
 * times of the run's creates show where the server's seconds end (`ServerSeconds`). Waiting creates are gathered: a
 * listing serves all the creates of its kind that are ripe, and is sent when enough are ripe, when the oldest has
 * been ripe for a while, or when nothing else can go on.
 */
import { GitopsError } from '../errors.js';
import type { ResourceKind } from '../model/desired.js';

/** Default wait between a create's answer and the listing that checks it (ms). */
export const DEFAULT_CONVERGE_WAIT_MS = 1500;
/** `AIRBYTE_CONVERGE_WAIT_MS`: the wait, a whole number of ms (0 to 60000); the default when unset. */
export function convergeWaitFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env['AIRBYTE_CONVERGE_WAIT_MS']?.trim();
  if (text === undefined || text === '') return DEFAULT_CONVERGE_WAIT_MS;
  if (!/^\d+$/.test(text) || Number(text) > 60_000) {
    throw new GitopsError('USAGE', `AIRBYTE_CONVERGE_WAIT_MS must be a whole number of milliseconds from 0 to 60000, got '${text}'`, {
      hint: 'leave it unset for the default (1500).',
    });
  }
  return Number(text);
}

/**
 * Longest a ripe create is held back while other steps can start (ms): past it, listings go as usual, so that a run
 * against a slow server still shows its creates as they finish rather than all at the end.
 */
export const HOLD_MAX_MS = 2000;

/**
 * Longest a ripe create waits for others to join its listing when other work is still going on (ms): at least this,
 * and twice what the last listing of its kind took, so that listing never takes more than a third of a run's time.
 */
const PATIENCE_MS = 50;

/**
 * Where the server's seconds end on this run's clock, learnt from the creates' answers. A create stamped in server
 * second S (its `createdAt`) was stamped after the request was sent (t0) and before the answer arrived (t1), so the
 * server clock's offset from ours is at least S − t1 and below S + 1 − t0. The largest lower bound seen so far says
 * when a stamped second is over here at the latest: S + 1 − offset ≤ t1 + 1 s, never later than a second after the
 * answer. Bounds that contradict each other (a server clock that jumped, creation times that are not the time of the
 * create) turn the estimate off for the rest of the run: every create then waits the whole `waitMs`.
 */
export class ServerSeconds {
  private low = -Infinity;
  private high = Infinity;
  private off = false;

  /**
   * Records a create sent at `sentMs` and answered at `answeredMs` (epoch ms, this machine's clock) with the creation
   * time `createdAt` (epoch seconds, the server's); returns when that second is over here (epoch ms), if known.
   */
  record(createdAt: number | undefined, sentMs: number, answeredMs: number): number | undefined {
    if (this.off || createdAt === undefined || !Number.isInteger(createdAt) || answeredMs < sentMs) return undefined;
    const stamped = createdAt * 1000;
    this.low = Math.max(this.low, stamped - answeredMs);
    this.high = Math.min(this.high, stamped + 1000 - sentMs);
    if (this.low >= this.high) {
      this.off = true;
      return undefined;
    }
    return stamped + 1000 - this.low;
  }

  /**
   * How long after its answer a create's listing waits (ms): `waitMs`, or, for a wait of at least a second, the
   * margin above that second after the end of the create's second when it is known (never more than `waitMs`).
   */
  delay(waitMs: number, createdAt: number | undefined, sentMs: number, answeredMs: number): number {
    const ends = this.record(createdAt, sentMs, answeredMs);
    if (ends === undefined || waitMs < 1000) return waitMs;
    return Math.max(0, Math.min(waitMs, ends - answeredMs + (waitMs - 1000)));
  }
}

export interface Waiting<T> {
  /** When the listing that checks the create may be sent (monotonic ms). */
  ripeAt: number;
  item: T;
}

export class CreateBatches<T> {
  private readonly waiting: Record<ResourceKind, Waiting<T>[]> = { source: [], destination: [], connection: [] };
  private readonly listing: Record<ResourceKind, boolean> = { source: false, destination: false, connection: false };
  /** How long the last listing of each kind took (ms). */
  private readonly took: Record<ResourceKind, number> = { source: 0, destination: 0, connection: 0 };
  private readonly startedAt: Record<ResourceKind, number> = { source: 0, destination: 0, connection: 0 };

  private patience(kind: ResourceKind): number {
    return Math.max(PATIENCE_MS, 2 * this.took[kind]);
  }

  constructor(private readonly waitMs: number) {}

  /** A create answered at `answeredAt` (monotonic ms), to be listed for `delayMs` later (default: the whole wait). */
  add(kind: ResourceKind, answeredAt: number, item: T, delayMs = this.waitMs): void {
    this.waiting[kind].push({ ripeAt: answeredAt + delayMs, item });
  }

  get size(): number {
    return this.waiting.source.length + this.waiting.destination.length + this.waiting.connection.length;
  }

  /**
   * The kinds to list for now, each with its ripe creates (taken out of the waiting list and marked as listing).
   * `batchSize(kind)`: how many ripe creates make a listing worth sending while other work goes on; `idle`: nothing
   * else can start, so every ripe create is listed for at once. At most `slots` listings are started.
   */
  due(nowMs: number, idle: boolean, slots: number, batchSize: (kind: ResourceKind) => number): { kind: ResourceKind; items: T[] }[] {
    const due: { kind: ResourceKind; items: T[] }[] = [];
    for (const kind of ['source', 'destination', 'connection'] as const) {
      if (due.length >= slots || this.listing[kind]) continue;
      const waiting = this.waiting[kind];
      let ripe = 0;
      // In the order they were answered: a create that ripens earlier than one before it waits for that one.
      while (ripe < waiting.length && (waiting[ripe] as Waiting<T>).ripeAt <= nowMs) ripe++;
      if (ripe === 0) continue;
      const oldestRipeSince = (waiting[0] as Waiting<T>).ripeAt;
      if (!idle && ripe < batchSize(kind) && nowMs - oldestRipeSince < this.patience(kind)) continue;
      this.listing[kind] = true;
      this.startedAt[kind] = nowMs;
      due.push({ kind, items: waiting.splice(0, ripe).map((entry) => entry.item) });
    }
    return due;
  }

  /** The listing of a kind came back (at `nowMs`): the next one may start. */
  listed(kind: ResourceKind, nowMs: number): void {
    this.listing[kind] = false;
    this.took[kind] = Math.max(0, nowMs - this.startedAt[kind]);
  }

  /** When the create that has been ripe longest became ripe (monotonic ms), or undefined when none is ripe. */
  ripeSince(nowMs: number): number | undefined {
    let since: number | undefined;
    for (const kind of ['source', 'destination', 'connection'] as const) {
      const first = this.waiting[kind][0];
      if (first === undefined || first.ripeAt > nowMs) continue;
      since = Math.min(since ?? Infinity, first.ripeAt);
    }
    return since;
  }

  /** When `due` may next have something to give without any task ending (monotonic ms), if ever. */
  nextAt(nowMs: number): number | undefined {
    let next: number | undefined;
    for (const kind of ['source', 'destination', 'connection'] as const) {
      const first = this.waiting[kind][0];
      if (this.listing[kind] || first === undefined) continue;
      const at = first.ripeAt;
      // Ripe already: it becomes due when its patience runs out.
      const when = at <= nowMs ? at + this.patience(kind) : at;
      next = next === undefined ? when : Math.min(next, when);
    }
    return next;
  }
}
