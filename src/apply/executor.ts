/**
 * Executes a plan: the steps of `plan.order`, each started as soon as the steps it depends on succeeded, at most
 * `parallelism` at a time. A failed step skips its dependents; independent steps go on. Once the signal is
 * aborted nothing new starts, and the steps in flight finish. The plan is never diffed again.
 *
 * Scheduling is linear in the number of steps: each step counts the dependencies it still waits for, and the step
 * that ends hands its dependents to a ready queue. Every create goes through convergence (`converge.ts`), so runs of
 * the same pipeline at the same time end with one copy of each resource.
 */
import type { AirbyteCatalog } from '../api/types.js';
import { DEFAULT_MAX_ATTEMPTS } from '../client/index.js';
import { GitopsError } from '../errors.js';
import type { Change, Plan, Step } from '../plan/types.js';
import { adapterFor, deleted, type AdapterContext } from './adapters.js';
import { createOrAdopt } from './adopt.js';
import { CreateBatches, DEFAULT_CONVERGE_WAIT_MS, HOLD_MAX_MS, ServerSeconds } from './batches.js';
import { Convergence, type Created, type SettleReport } from './converge.js';
import { savesStateBefore, StateBackups } from './state-backup.js';
import type { ApplyClient, ApplyCounts, ApplyResult, ApplyStatus, ExecuteOptions, StepOutcome } from './types.js';

export const DEFAULT_PARALLELISM = 8;

const label = (step: Pick<Step, 'kind' | 'name'>) => `${step.kind} '${step.name}'`;
const refKey = (kind: string, name: string) => `${kind}:${name}`;

/** Ids created by this run by kind + name, and one discovery per source. */
function adapterContext(client: ApplyClient, plan: Plan, convergence: Convergence): { ctx: AdapterContext; created: Map<string, string> } {
  const created = new Map<string, string>();
  // Ids the plan found that Airbyte no longer has, to the kept copy's id (see AdapterContext.relocate).
  const moved = new Map<string, string>();
  const catalogs = new Map<string, Promise<AirbyteCatalog>>();
  const ctx: AdapterContext = {
    client,
    workspaceId: plan.workspace.workspaceId,
    resolve(kind, ref) {
      if ('id' in ref) return moved.get(ref.id) ?? ref.id;
      const id = created.get(refKey(kind, ref.pending));
      if (id === undefined) throw new GitopsError('NOT_FOUND', `${kind} '${ref.pending}' was not created in this run`);
      return id;
    },
    async relocate(kind, name, staleId) {
      const id = await convergence.findAny(kind, name);
      if (id === undefined || id === staleId) return undefined;
      moved.set(staleId, id);
      return id;
    },
    discover(sourceId, sourceName) {
      let catalog = catalogs.get(sourceId);
      if (catalog === undefined) {
        catalog = client.discoverSourceSchema({ sourceId, disable_cache: true }, `source '${sourceName}'`).then((read) => read.catalog ?? { streams: [] });
        // A failed discovery may be tried again by another connection of the same source.
        catalog.catch(() => catalogs.delete(sourceId));
        catalogs.set(sourceId, catalog);
      }
      return catalog;
    },
  };
  return { ctx, created };
}

/** Deletes one copy this run created, by id (convergence's only write). */
function removeCopy(client: ApplyClient) {
  return (kind: Step['kind'], name: string, id: string) => {
    const resource = `${kind} '${name}'`;
    if (kind === 'source') return deleted(() => client.deleteSource(id, resource));
    if (kind === 'destination') return deleted(() => client.deleteDestination(id, resource));
    return deleted(() => client.deleteConnection(id, resource));
  };
}

interface Run {
  plan: Plan;
  ctx: AdapterContext;
  created: Map<string, string>;
  convergence: Convergence;
  options: ExecuteOptions;
  /** When the second of the last connection create is over (monotonic ms, margin included): the settling pass waits for it. */
  lastConnectionRipeAt: number | undefined;
  /** Where the server's seconds end, from the creates' answers: how long each create's listing waits. */
  seconds: ServerSeconds;
  waitMs: number;
  clock: () => number;
  /** Sync state saved before the calls that reset it. */
  backups: StateBackups;
}

/** A create that was sent and answered, waiting for the listing that converges it with other runs' copies. */
interface Parked {
  i: number;
  key: string;
  created: Created;
  base: StepOutcome;
  started: number;
  /** How long after its answer the listing that checks it may be sent (ms). */
  delayMs: number;
}

/** What running a step gives: its outcome, or a create to converge before its outcome is known. */
type Ran = { outcome: StepOutcome } | { parked: Omit<Parked, 'i'> };

/** Creates (or adopts) the step's resource. A created one is parked until convergence has listed its kind. */
async function create(step: Step, change: Change, run: Run, base: StepOutcome, started: number): Promise<Ran> {
  const adapter = adapterFor(step.kind);
  const key = adapter.key(change, run.ctx);
  const attempts = run.options.createAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const made = await createOrAdopt(
    () => adapter.create(change, run.ctx),
    () => run.convergence.find(step.kind, step.name, key),
    attempts,
  );
  if ('adopted' in made) return { outcome: { ...base, id: made.adopted, adopted: true } };
  const created = made.created;
  const delayMs = run.seconds.delay(run.waitMs, created.createdAt, started, (run.options.now ?? Date.now)());
  if (step.kind === 'connection') {
    // Nothing in a run depends on a connection: its copies are settled once, by the settling pass, rather than
    // by listings of every connection (with their catalogs) while the run goes on.
    run.convergence.claim(step.kind, step.name, created.key ?? key, created);
    run.lastConnectionRipeAt = Math.max(run.lastConnectionRipeAt ?? -Infinity, run.clock() + delayMs);
    return { outcome: { ...base, id: created.id } };
  }
  return { parked: { key: created.key ?? key, created, base, started, delayMs } };
}

/** Runs one step; resolves to the outcome or a parked create (never rejects). */
async function runStep(step: Step, run: Run): Promise<Ran> {
  const now = run.options.now ?? Date.now;
  const started = now();
  const base: StepOutcome = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'done' };
  const change = run.plan.changes[step.change];
  try {
    if (!change) throw new GitopsError('USAGE', `step ${step.key} refers to change ${step.change}, which the plan does not have`);
    const adapter = adapterFor(step.kind);
    // The update or delete that resets a connection's state goes through a client that saves the state first.
    const ctx = savesStateBefore(step, change) ? { ...run.ctx, client: run.backups.guard(run.ctx.client, change) } : run.ctx;
    let outcome: StepOutcome;
    if (step.op === 'create') {
      const ran = await create(step, change, run, base, started);
      if ('parked' in ran) return ran;
      outcome = ran.outcome;
    } else if (step.op === 'update') {
      outcome = { ...base, id: await adapter.update(change, ctx), ...(change.rename ? { renamedFrom: change.rename.from } : {}) };
    } else {
      outcome = { ...base, id: await adapter.delete(change, ctx) };
    }
    return { outcome: { ...outcome, durationMs: now() - started } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: { ...base, status: 'failed', error: message, durationMs: now() - started } };
  }
}

function countOutcomes(steps: StepOutcome[]): ApplyCounts {
  const counts: ApplyCounts = { created: 0, updated: 0, deleted: 0, failed: 0, skipped: 0, notStarted: 0 };
  const past = { create: 'created', update: 'updated', delete: 'deleted' } as const;
  for (const step of steps) {
    if (step.status === 'done') counts[past[step.op]]++;
    else if (step.status === 'failed') counts.failed++;
    else if (step.status === 'skipped') counts.skipped++;
    else counts.notStarted++;
  }
  return counts;
}

/** A run that was signalled is `interrupted` (exit 130) even when nothing was left to start. */
function overall(counts: ApplyCounts, signalled: boolean, settled: SettleReport | undefined): ApplyStatus {
  if (counts.notStarted > 0 || signalled) return 'interrupted';
  return counts.failed + counts.skipped > 0 || (settled?.left.length ?? 0) > 0 ? 'failed' : 'applied';
}

/** The steps as a graph: for each step, how many of its dependencies in the plan it waits for, and who waits for it. */
function graphOf(order: readonly Step[]): { waitsFor: number[]; dependents: number[][] } {
  const at = new Map(order.map((step, i) => [step.key, i]));
  const waitsFor = order.map(() => 0);
  const dependents: number[][] = order.map(() => []);
  order.forEach((step, i) => {
    // Dependencies outside the plan cannot hold a step back.
    for (const dep of new Set(step.dependsOn)) {
      const j = at.get(dep);
      if (j === undefined) continue;
      waitsFor[i] = (waitsFor[i] ?? 0) + 1;
      dependents[j]?.push(i);
    }
  });
  return { waitsFor, dependents };
}

/**
 * The order the steps that wait for nothing start in: those that others wait for go with the first step that waits
 * for them, so that the source and the destination of the plan's first connection are created one after the other,
 * then those of the second, rather than every source and then every destination. The first connection's endpoints
 * are then converged (see `batches.ts`) while the other endpoints are created, and the connections can start as soon
 * as the endpoints are all created, instead of once the listing after the last destination's wait. The key of a step
 * is the smallest key among its dependents (its own position when none waits for it), then its own position; steps
 * that become ready later start in the order they became ready.
 */
function startOrder(ready: readonly number[], dependents: readonly number[][]): number[] {
  const rank = Array.from({ length: dependents.length }, (_, i) => i);
  // Dependents come after their dependencies in the plan's order, so one pass from the end settles every rank (a
  // dependent placed earlier only makes the key less helpful, never wrong).
  for (let i = dependents.length - 1; i >= 0; i--) {
    let first: number | undefined;
    for (const d of dependents[i] ?? []) if (first === undefined || (rank[d] as number) < first) first = rank[d] as number;
    if (first !== undefined) rank[i] = first;
  }
  return [...ready].sort((a, b) => (rank[a] as number) - (rank[b] as number) || a - b);
}

/** Executes the plan's steps; see the module comment. Never throws for a failed step: it is in the result. */
export async function executePlan(client: ApplyClient, plan: Plan, options: ExecuteOptions = {}): Promise<ApplyResult> {
  const now = options.now ?? Date.now;
  const started = now();
  if (options.secrets !== undefined) client.addSecrets(options.secrets);
  const parallelism = Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM);
  const convergence = new Convergence(client, plan.workspace.workspaceId, removeCopy(client));
  const { ctx, created } = adapterContext(client, plan, convergence);
  const clock = options.monotonic ?? (() => performance.now());
  const backups = new StateBackups(client, plan.workspace.workspaceId, { ...options, now });
  const waitMs = options.convergeWaitMs ?? DEFAULT_CONVERGE_WAIT_MS;
  const run: Run = { plan, ctx, created, convergence, options, lastConnectionRipeAt: undefined, seconds: new ServerSeconds(), waitMs, clock, backups };
  const order = plan.order;
  const { waitsFor, dependents } = graphOf(order);
  const outcomes: (StepOutcome | undefined)[] = order.map(() => undefined);
  /** Records a step's outcome and hands its dependents on: to the ready queue when it succeeded, skipped when not. */
  const complete = (i: number, outcome: StepOutcome) => {
    const step = order[i] as Step;
    outcomes[i] = outcome;
    options.onStep?.(outcome);
    if (outcome.status !== 'done') return skipDependents(i, label(step));
    if (step.op !== 'delete' && step.kind !== 'connection' && outcome.id !== undefined) created.set(refKey(step.kind, step.name), outcome.id);
    for (const d of dependents[i] ?? []) if (--(waitsFor[d] as number) === 0 && outcomes[d] === undefined) ready.push(d);
  };
  /** Skips everything that depends, directly or not, on step `i`, naming the failure at the root. */
  const skipDependents = (i: number, blockedBy: string) => {
    const stack = [...(dependents[i] ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const step = order[next] as Step;
      if (outcomes[next] !== undefined) continue;
      const skipped: StepOutcome = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'skipped', blockedBy };
      outcomes[next] = skipped;
      options.onStep?.(skipped);
      stack.push(...(dependents[next] ?? []));
    }
  };
  const ready = startOrder(
    order.flatMap((_, i) => (waitsFor[i] === 0 ? [i] : [])),
    dependents,
  );
  let head = 0;
  // Tasks in flight, and a wake-up for the loop when one ends (cheaper than racing every task on every turn).
  const running = { size: 0 };
  let wake: () => void = () => undefined;
  // A bug in a callback (onStep) must end the run with that error, not leave it waiting forever.
  let broken: { error: unknown } | undefined;
  const track = (work: Promise<void>) => {
    running.size++;
    void work
      .catch((error: unknown) => void (broken ??= { error }))
      .finally(() => {
        running.size--;
        wake();
      });
  };
  const batches = new CreateBatches<Parked>(waitMs);
  /** Converges a batch of created resources of one kind with a single listing, then completes their steps. */
  const converge = (kind: Step['kind'], batch: Parked[]) => {
    const items = batch.map(({ i, key, created }) => ({ name: (order[i] as Step).name, key, created }));
    track(
      convergence.afterCreates(kind, items).then((kept) => {
        batches.listed(kind, clock());
        batch.forEach(({ i, base, started }, at) => {
          const result = kept[at] ?? { id: base.id as string };
          const merged = result.removedOwn === undefined ? {} : { duplicateRemoved: result.removedOwn };
          complete(i, { ...base, id: result.id, ...merged, durationMs: now() - started });
        });
      }),
    );
  };
  const start = (i: number) => {
    track(
      runStep(order[i] as Step, run).then((ran) => {
        if ('outcome' in ran) complete(i, ran.outcome);
        else batches.add((order[i] as Step).kind, clock(), { i, ...ran.parked }, ran.parked.delayMs);
      }),
    );
  };
  for (;;) {
    const aborted = options.signal?.aborted === true;
    // A listing takes a slot before new steps do; with nothing else to start, every ripe create is listed for.
    const idle = aborted || head >= ready.length;
    const slots = running.size === 0 ? 1 : parallelism - running.size;
    // More steps can start than there are slots: a listing now would only take a slot from them, and what it
    // unblocks would start after them anyway (steps start in the order they became ready). It waits until the queue
    // runs low, or for at most HOLD_MAX_MS; a step ending wakes the loop meanwhile.
    const ripeSince = batches.ripeSince(clock());
    const hold = !aborted && ready.length - head > parallelism && (ripeSince === undefined || clock() - ripeSince < HOLD_MAX_MS);
    if (!hold) for (const { kind, items } of batches.due(clock(), idle, slots, (kind) => convergence.batchSize(kind, parallelism))) converge(kind, items);
    if (!aborted) while (running.size < parallelism && head < ready.length) start(ready[head++] as number);
    if (running.size === 0 && batches.size === 0) break;
    // With every slot taken, nothing can be listed before a task ends, which wakes the loop anyway.
    const nextAt = hold || running.size >= parallelism ? undefined : batches.nextAt(clock());
    const timer = nextAt === undefined ? undefined : setTimeout(() => wake(), Math.max(0, nextAt - clock()));
    await new Promise<void>((resolve) => (wake = resolve));
    if (timer !== undefined) clearTimeout(timer);
  }
  if (broken !== undefined) throw broken.error;
  order.forEach((step, i) => {
    if (outcomes[i] === undefined) outcomes[i] = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'not-started' };
  });
  const steps = outcomes as StepOutcome[];
  const signalled = options.signal?.aborted === true;
  // After an interrupt, stop now: the next run (or plan) sees any duplicate and settles it. Otherwise list once the
  // second the last connection was stamped in is over, so that a copy another run made in it is seen.
  // Sources and destinations are listed for it meanwhile (see `listActorsToSettle`).
  const ripeAt = run.lastConnectionRipeAt;
  const actorListings = signalled ? undefined : convergence.listActorsToSettle();
  if (!signalled && ripeAt !== undefined && ripeAt > clock()) await new Promise((resolve) => setTimeout(resolve, ripeAt - clock()));
  const settled = signalled ? undefined : await convergence.settle(actorListings);
  const counts = countOutcomes(steps);
  const hasSettled = settled !== undefined && (settled.removed.length > 0 || settled.left.length > 0 || settled.error !== undefined);
  const stateBackups = backups.records;
  return {
    status: overall(counts, signalled, settled),
    steps,
    counts,
    durationMs: now() - started,
    ...(hasSettled ? { settled } : {}),
    ...(stateBackups.length > 0 ? { stateBackups } : {}),
  };
}
