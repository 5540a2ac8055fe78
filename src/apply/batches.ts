/**
 * When to list for convergence. A create is checked against other runs' copies only by a listing sent at least
 * `waitMs` after its answer came back: the server stamps creation times in whole seconds, so a copy another run
 * made in the same second as ours is certain to be in a listing sent once that second is over (1 s, plus margin for
 * the other run's write to land). Every run then sees the same copies and keeps the same one. Waiting creates are
 * gathered: a listing serves all the creates of its kind that are ripe, and is sent when enough are ripe, when the
 * oldest has been ripe for a while, or when nothing else can go on.
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

export interface Waiting<T> {
  /** When the create's answer came back (monotonic ms). */
  answeredAt: number;
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

  add(kind: ResourceKind, answeredAt: number, item: T): void {
    this.waiting[kind].push({ answeredAt, item });
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
      while (ripe < waiting.length && (waiting[ripe] as Waiting<T>).answeredAt + this.waitMs <= nowMs) ripe++;
      if (ripe === 0) continue;
      const oldestRipeSince = (waiting[0] as Waiting<T>).answeredAt + this.waitMs;
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
      if (first === undefined || first.answeredAt + this.waitMs > nowMs) continue;
      since = Math.min(since ?? Infinity, first.answeredAt + this.waitMs);
    }
    return since;
  }

  /** When `due` may next have something to give without any task ending (monotonic ms), if ever. */
  nextAt(nowMs: number): number | undefined {
    let next: number | undefined;
    for (const kind of ['source', 'destination', 'connection'] as const) {
      const first = this.waiting[kind][0];
      if (this.listing[kind] || first === undefined) continue;
      const at = first.answeredAt + this.waitMs;
      // Ripe already: it becomes due when its patience runs out.
      const when = at <= nowMs ? at + this.patience(kind) : at;
      next = next === undefined ? when : Math.min(next, when);
    }
    return next;
  }
}
