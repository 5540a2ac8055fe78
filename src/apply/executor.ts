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
import { Convergence, type SettleReport } from './converge.js';
import type { ApplyClient, ApplyCounts, ApplyResult, ApplyStatus, ExecuteOptions, StepOutcome } from './types.js';

export const DEFAULT_PARALLELISM = 8;

const label = (step: Pick<Step, 'kind' | 'name'>) => `${step.kind} '${step.name}'`;
const refKey = (kind: string, name: string) => `${kind}:${name}`;

/** Ids created by this run by kind + name, and one discovery per source. */
function adapterContext(client: ApplyClient, plan: Plan): { ctx: AdapterContext; created: Map<string, string> } {
  const created = new Map<string, string>();
  const catalogs = new Map<string, Promise<AirbyteCatalog>>();
  const ctx: AdapterContext = {
    client,
    workspaceId: plan.workspace.workspaceId,
    resolve(kind, ref) {
      if ('id' in ref) return ref.id;
      const id = created.get(refKey(kind, ref.pending));
      if (id === undefined) throw new GitopsError('NOT_FOUND', `${kind} '${ref.pending}' was not created in this run`);
      return id;
    },
    discover(sourceId, sourceName) {
      let catalog = catalogs.get(sourceId);
      if (catalog === undefined) {
        catalog = client.discoverSourceSchema({ sourceId }, `source '${sourceName}'`).then((read) => read.catalog ?? { streams: [] });
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
}

/** Creates (or adopts) the step's resource, then converges with copies other runs made at the same time. */
async function create(step: Step, change: Change, run: Run, base: StepOutcome): Promise<StepOutcome> {
  const adapter = adapterFor(step.kind);
  const key = adapter.key(change, run.ctx);
  const attempts = run.options.createAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const made = await createOrAdopt(
    () => adapter.create(change, run.ctx),
    () => run.convergence.find(step.kind, step.name, key),
    attempts,
  );
  if ('adopted' in made) return { ...base, id: made.adopted, adopted: true };
  const kept = await run.convergence.afterCreate(step.kind, step.name, key, made.created);
  return { ...base, id: kept.id, ...(kept.removedOwn === undefined ? {} : { duplicateRemoved: kept.removedOwn }) };
}

/** Runs one step; resolves to the outcome (never rejects). */
async function runStep(step: Step, run: Run): Promise<StepOutcome> {
  const now = run.options.now ?? Date.now;
  const started = now();
  const base: StepOutcome = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'done' };
  const change = run.plan.changes[step.change];
  try {
    if (!change) throw new GitopsError('USAGE', `step ${step.key} refers to change ${step.change}, which the plan does not have`);
    const adapter = adapterFor(step.kind);
    let outcome: StepOutcome;
    if (step.op === 'create') {
      outcome = await create(step, change, run, base);
    } else if (step.op === 'update') {
      outcome = { ...base, id: await adapter.update(change, run.ctx), ...(change.rename ? { renamedFrom: change.rename.from } : {}) };
    } else {
      outcome = { ...base, id: await adapter.delete(change, run.ctx) };
    }
    if (step.op !== 'delete' && step.kind !== 'connection' && outcome.id !== undefined) run.created.set(refKey(step.kind, step.name), outcome.id);
    return { ...outcome, durationMs: now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'failed', error: message, durationMs: now() - started };
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

/** Executes the plan's steps; see the module comment. Never throws for a failed step: it is in the result. */
export async function executePlan(client: ApplyClient, plan: Plan, options: ExecuteOptions = {}): Promise<ApplyResult> {
  const now = options.now ?? Date.now;
  const started = now();
  if (options.secrets !== undefined) client.addSecrets(options.secrets);
  const parallelism = Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM);
  const { ctx, created } = adapterContext(client, plan);
  const convergence = new Convergence(client, plan.workspace.workspaceId, removeCopy(client));
  const run: Run = { plan, ctx, created, convergence, options };
  const order = plan.order;
  const { waitsFor, dependents } = graphOf(order);
  const outcomes: (StepOutcome | undefined)[] = order.map(() => undefined);
  const settle = (i: number, outcome: StepOutcome) => {
    outcomes[i] = outcome;
    options.onStep?.(outcome);
  };
  /** Skips everything that depends, directly or not, on step `i`, naming the failure at the root. */
  const skipDependents = (i: number, blockedBy: string) => {
    const stack = [...(dependents[i] ?? [])];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const step = order[next] as Step;
      if (outcomes[next] !== undefined) continue;
      settle(next, { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'skipped', blockedBy });
      stack.push(...(dependents[next] ?? []));
    }
  };
  const ready: number[] = [];
  waitsFor.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  let head = 0;
  const running = new Set<Promise<void>>();
  const start = (i: number) => {
    const step = order[i] as Step;
    const task: Promise<void> = runStep(step, run).then((outcome) => {
      running.delete(task);
      settle(i, outcome);
      if (outcome.status === 'done') {
        for (const d of dependents[i] ?? []) if (--(waitsFor[d] as number) === 0 && outcomes[d] === undefined) ready.push(d);
      } else {
        skipDependents(i, label(step));
      }
    });
    running.add(task);
  };
  for (;;) {
    while (options.signal?.aborted !== true && running.size < parallelism && head < ready.length) start(ready[head++] as number);
    if (running.size === 0) break;
    await Promise.race(running);
  }
  order.forEach((step, i) => {
    if (outcomes[i] === undefined) outcomes[i] = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'not-started' };
  });
  const steps = outcomes as StepOutcome[];
  const signalled = options.signal?.aborted === true;
  // After an interrupt, stop now: the next run (or plan) sees any duplicate and settles it.
  const settled = signalled ? undefined : await convergence.settle();
  const counts = countOutcomes(steps);
  const hasSettled = settled !== undefined && (settled.removed.length > 0 || settled.left.length > 0 || settled.error !== undefined);
  return { status: overall(counts, signalled, settled), steps, counts, durationMs: now() - started, ...(hasSettled ? { settled } : {}) };
}
