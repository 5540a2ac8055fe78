/**
 * Concurrent applies converge without a lock. Airbyte has none, so two runs of the same pipeline (a re-run button,
 * two merges in a row, a laptop and CI) can both plan "create source 'pg'" and both create it. Every run follows the
 * same rule, so they agree without talking to each other:
 *
 * - Among live copies of one resource (same kind and name, and the same definition for a source or destination, the
 *   same source and destination for a connection) the kept one is the oldest: smallest creation time (epoch
 *   seconds, as the server reports it), then smallest id. A copy without a creation time (older servers) sorts last.
 * - After each create, the run lists that kind (one listing serves every create that finished before it started)
 *   and, when another copy is kept, deletes its own copy and hands the kept id to the steps that depend on it.
 * - After the last step, a settling pass lists again and removes the run's own copies that lost meanwhile, when that
 *   is safe (a connection only when the kept one exists; a source or destination only when no connection uses it).
 *
 * A run only ever deletes copies it created itself, so two runs never delete each other's work.
 */
import type { ResourceKind } from '../model/desired.js';
import { keptOrder } from '../plan/duplicates.js';
import type { ApplyClient } from './types.js';

/** One live resource as a listing shows it, reduced to what convergence compares. */
export interface Copy {
  id: string;
  name: string;
  /** Creation time in epoch seconds; undefined when the server does not report it. */
  createdAt: number | undefined;
  /**
   * What makes two same-named resources the same thing: the definition id of a source or destination, and
   * `sourceId/destinationId` of a connection. Copies with different keys are different resources, never merged.
   */
  key: string;
}

/** Orders copies so that the kept one comes first: oldest creation time, then smallest id. */
export const keptFirst: (a: Copy, b: Copy) => number = keptOrder;

/** The kept copy of several copies of one resource (at least one). */
export function keptOf(copies: readonly Copy[]): Copy {
  let kept = copies[0] as Copy;
  for (const copy of copies) if (keptFirst(copy, kept) < 0) kept = copy;
  return kept;
}

/** Copies grouped by name (only the names in `only`, when given). */
function byName(copies: readonly Copy[], only?: ReadonlySet<string>): Map<string, Copy[]> {
  const grouped = new Map<string, Copy[]>();
  for (const copy of copies) {
    if (only !== undefined && !only.has(copy.name)) continue;
    const same = grouped.get(copy.name);
    if (same === undefined) grouped.set(copy.name, [copy]);
    else same.push(copy);
  }
  return grouped;
}

export const connectionKey = (sourceId: string, destinationId: string) => `${sourceId}/${destinationId}`;

/** The live copies of every resource of a kind, as the client lists them. */
export function listCopies(client: ApplyClient, kind: ResourceKind, workspaceId: string): Promise<Copy[]> {
  switch (kind) {
    case 'source':
      return client
        .listSources(workspaceId)
        .then((all) => all.map((s) => ({ id: s.sourceId, name: s.name, createdAt: s.createdAt, key: s.sourceDefinitionId })));
    case 'destination':
      return client
        .listDestinations(workspaceId)
        .then((all) => all.map((d) => ({ id: d.destinationId, name: d.name, createdAt: d.createdAt, key: d.destinationDefinitionId })));
    case 'connection':
      return client
        .listConnections(workspaceId)
        .then((all) =>
          all
            .filter((c) => c.status !== 'deprecated')
            .map((c) => ({ id: c.connectionId, name: c.name, createdAt: c.created_at, key: connectionKey(c.sourceId, c.destinationId) })),
        );
  }
}

interface Batch {
  names: Set<string>;
  result: Promise<Map<string, Copy[]>>;
}

/**
 * One kind's listings, shared: a caller gets the copies of a name from a listing that starts after its call (so it
 * sees what the caller just created), and every caller that asks while a listing runs joins the next one. However
 * many creates finish, at most one listing per kind is in flight and one waits.
 */
export class SharedListing {
  private running: Promise<unknown> | undefined;
  private next: Batch | undefined;
  /** How many listings were made (for tests and the benchmark). */
  count = 0;

  constructor(private readonly list: () => Promise<Copy[]>) {}

  /** The live copies named `name`, from a listing that started after this call. */
  async copies(name: string): Promise<Copy[]> {
    const batch = this.next ?? this.schedule();
    batch.names.add(name);
    return (await batch.result).get(name) ?? [];
  }

  /** Every live copy, from a listing that started after this call. */
  async all(): Promise<Copy[]> {
    this.count++;
    return this.list();
  }

  private schedule(): Batch {
    const names = new Set<string>();
    const previous = this.running;
    const batch: Batch = { names, result: Promise.resolve(new Map()) };
    batch.result = (async () => {
      // Wait for the listing in flight (it may have started before the caller's create ended), or let every
      // caller of this turn of the event loop join.
      if (previous !== undefined) await previous.catch(() => undefined);
      else await new Promise((resolve) => setImmediate(resolve));
      if (this.next === batch) this.next = undefined;
      this.count++;
      const listing = this.list();
      this.running = listing;
      try {
        return byName(await listing, names);
      } finally {
        if (this.running === listing) this.running = undefined;
      }
    })();
    this.next = batch;
    return batch;
  }
}

/** A copy this run created and still holds. */
export interface OwnCopy {
  kind: ResourceKind;
  name: string;
  id: string;
  key: string;
}

/** What the settling pass did: own copies removed (with the copy kept instead), and own copies it had to leave. */
export interface SettleReport {
  removed: { kind: ResourceKind; name: string; id: string; keptId: string }[];
  /** Own copies that lost but could not be removed safely, or whose removal failed; a duplicate is left. */
  left: { kind: ResourceKind; name: string; id: string; keptId: string; reason: string }[];
  /** Set when the pass could not list (it removed nothing then). */
  error?: string;
}

/** The kept id for a copy just created: `ownId` itself, or the id of an older copy of the same resource. */
export function keptAfterCreate(copies: readonly Copy[], own: Copy): Copy {
  const same = copies.filter((copy) => copy.key === own.key && copy.id !== own.id);
  return keptOf([own, ...same]);
}

/**
 * The settling pass's decisions, pure: given fresh listings and this run's own copies, which own copies to delete
 * (connections first, then sources and destinations no live connection uses any more) and which to leave.
 */
export function settleDecisions(
  listings: Record<ResourceKind, readonly Copy[]>,
  own: readonly OwnCopy[],
): { remove: SettleReport['removed']; left: SettleReport['left'] } {
  const remove: SettleReport['removed'] = [];
  const left: SettleReport['left'] = [];
  const groups = (kind: ResourceKind) => byName(listings[kind]);
  // Which actor each actor id stands for: the kept copy of its resource.
  const keptActor = new Map<string, string>();
  const losingActors: { mine: OwnCopy; keptId: string }[] = [];
  for (const kind of ['source', 'destination'] as const) {
    const byName = groups(kind);
    for (const mine of own.filter((copy) => copy.kind === kind)) {
      const copies = (byName.get(mine.name) ?? []).filter((copy) => copy.key === mine.key);
      if (!copies.some((copy) => copy.id === mine.id)) continue; // gone already
      const kept = keptOf(copies);
      for (const copy of copies) keptActor.set(copy.id, kept.id);
      if (kept.id !== mine.id) losingActors.push({ mine, keptId: kept.id });
    }
  }
  const mapped = (key: string) => {
    const [sourceId = '', destinationId = ''] = key.split('/');
    return connectionKey(keptActor.get(sourceId) ?? sourceId, keptActor.get(destinationId) ?? destinationId);
  };
  const connections = groups('connection');
  const removedConnections = new Set<string>();
  for (const mine of own.filter((copy) => copy.kind === 'connection')) {
    const all = connections.get(mine.name) ?? [];
    const me = all.find((copy) => copy.id === mine.id);
    if (me === undefined) continue;
    const same = all.filter((copy) => mapped(copy.key) === mapped(me.key));
    // A copy wired straight to the kept source and destination is preferred: it needs no repair.
    const direct = same.filter((copy) => mapped(copy.key) === copy.key);
    const kept = keptOf(direct.length > 0 ? direct : same);
    if (kept.id !== mine.id) {
      remove.push({ kind: 'connection', name: mine.name, id: mine.id, keptId: kept.id });
      removedConnections.add(mine.id);
    }
  }
  const stillUsed = new Set<string>();
  for (const copy of listings.connection) {
    if (removedConnections.has(copy.id)) continue;
    for (const id of copy.key.split('/')) stillUsed.add(id);
  }
  for (const { mine, keptId } of losingActors) {
    const entry = { kind: mine.kind, name: mine.name, id: mine.id, keptId };
    if (stillUsed.has(mine.id)) left.push({ ...entry, reason: 'a connection still uses it' });
    else remove.push(entry);
  }
  return { remove, left };
}

/** What a create answered: the new id and its creation time (and, for a connection, the endpoints it used). */
export interface Created {
  id: string;
  createdAt: number | undefined;
  /** The key of what was created, when it is only known once created (a connection's endpoints after relocation). */
  key?: string;
}

/** Deletes one copy by id; a copy that is already gone counts as deleted. */
export type RemoveCopy = (kind: ResourceKind, name: string, id: string) => Promise<void>;

/** The settling pass's listings of sources and destinations, or why they could not be made. */
export type ActorListings = { source: Copy[]; destination: Copy[] } | { error: string };

/** One run's side of convergence: the shared listings, the copies this run created, and the settling pass. */
export class Convergence {
  private readonly listings: Record<ResourceKind, SharedListing>;
  private readonly own = new Map<string, OwnCopy>();
  /** How many copies the last listing of each kind held. */
  private readonly listed: Record<ResourceKind, number> = { source: 0, destination: 0, connection: 0 };

  constructor(
    client: ApplyClient,
    workspaceId: string,
    private readonly remove: RemoveCopy,
  ) {
    const shared = (kind: ResourceKind) => new SharedListing(() => listCopies(client, kind, workspaceId));
    this.listings = { source: shared('source'), destination: shared('destination'), connection: shared('connection') };
  }

  /** How many listings convergence has made so far. */
  get listingCount(): number {
    return this.listings.source.count + this.listings.destination.count + this.listings.connection.count;
  }

  /** The kept id of a live resource of this kind, name and key, if any (to adopt a create whose answer was lost). */
  async find(kind: ResourceKind, name: string, key: string): Promise<string | undefined> {
    const copies = (await this.listings[kind].copies(name)).filter((copy) => copy.key === key);
    return copies.length === 0 ? undefined : keptOf(copies).id;
  }

  /** Records a copy this run created, for the settling pass to converge (connections: nothing waits for them). */
  claim(kind: ResourceKind, name: string, key: string, created: Created): void {
    this.own.set(created.id, { kind, name, id: created.id, key });
  }

  /** The kept copy among every live resource of this kind and name, whatever its key (see `AdapterContext.relocate`). */
  async findAny(kind: ResourceKind, name: string): Promise<string | undefined> {
    const copies = await this.listings[kind].copies(name);
    return copies.length === 0 ? undefined : keptOf(copies).id;
  }

  /**
   * After this run created resources of one kind: for each, the id its dependents use. One listing serves the whole
   * batch. When an older copy of the same resource exists (another run created it at the same time), this run's copy
   * is deleted and the older copy's id is returned. A listing or a delete that fails leaves the copy to the settling
   * pass (the run goes on with its own copy).
   */
  async afterCreates(kind: ResourceKind, batch: readonly { name: string; key: string; created: Created }[]): Promise<{ id: string; removedOwn?: string }[]> {
    for (const { name, key, created } of batch) this.own.set(created.id, { kind, name, id: created.id, key });
    let listed: Copy[];
    try {
      listed = await this.listings[kind].all();
    } catch {
      return batch.map(({ created }) => ({ id: created.id }));
    }
    this.listed[kind] = listed.length;
    const named = byName(listed, new Set(batch.map((item) => item.name)));
    const results: { id: string; removedOwn?: string }[] = [];
    for (const { name, key, created } of batch) {
      const copies = named.get(name) ?? [];
      // The listing's view of the copy (the server's creation time) if it shows it, else what the create answered.
      const own = copies.find((copy) => copy.id === created.id) ?? { id: created.id, name, createdAt: created.createdAt, key };
      const kept = keptAfterCreate(copies, own);
      if (kept.id === created.id) {
        results.push({ id: created.id });
        continue;
      }
      try {
        await this.remove(kind, name, created.id);
        this.own.delete(created.id);
        results.push({ id: kept.id, removedOwn: created.id });
      } catch {
        results.push({ id: kept.id });
      }
    }
    return results;
  }

  /**
   * How many creates of a kind to gather before listing: at least `parallelism`, and half of what the last listing
   * held, so that the listings of a run cost a small multiple of the resources it creates (linear, however many
   * there are).
   */
  batchSize(kind: ResourceKind, parallelism: number): number {
    return Math.max(parallelism, Math.ceil(this.listed[kind] / 2));
  }

  /**
   * The settling pass's listings of sources and destinations, started once every step has ended: they may run while
   * the run waits to list its last connections. Every source and destination this run created was checked by a
   * listing sent once its second was over (its step ended only after that listing, see batches.ts), so with a wait of
   * a second or more a copy that could beat one of them is in these listings already (a wait of 0 is only for one
   * run at a time). Undefined when the run created nothing. Never rejects: a failure is the settling pass's error.
   */
  listActorsToSettle(): Promise<ActorListings> | undefined {
    if (this.own.size === 0) return undefined;
    // One after another: the pass never has more calls in flight than a run with --parallelism 1.
    const listed = (async () => ({ source: await this.listings.source.all(), destination: await this.listings.destination.all() }))();
    return listed.catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
  }

  /**
   * The settling pass: lists again and removes the run's own copies that lost meanwhile, when that is safe. `actors`:
   * the listings `listActorsToSettle` started (listed here when not given).
   */
  async settle(actors = this.listActorsToSettle()): Promise<SettleReport> {
    const report: SettleReport = { removed: [], left: [] };
    if (this.own.size === 0 || actors === undefined) return report;
    const own = [...this.own.values()];
    const listed = await actors;
    if ('error' in listed) return { ...report, error: listed.error };
    const { source, destination } = listed;
    let connection: Copy[];
    try {
      connection = await this.listings.connection.all();
    } catch (error) {
      return { ...report, error: error instanceof Error ? error.message : String(error) };
    }
    const decisions = settleDecisions({ source, destination, connection }, own);
    report.left.push(...decisions.left);
    // Connections first: a source or destination is removed only once no connection of this run uses it.
    for (const entry of decisions.remove) {
      try {
        await this.remove(entry.kind, entry.name, entry.id);
        this.own.delete(entry.id);
        report.removed.push(entry);
      } catch (error) {
        report.left.push({ ...entry, reason: `removing it failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return report;
  }
}
