/**
 * Executes a plan: the steps of `plan.order`, each started as soon as the steps it depends on succeeded, at most
 * `parallelism` at a time. A failed step skips its dependents; independent steps go on. Once the signal is
 * aborted nothing new starts, and the steps in flight finish. The plan is never diffed again.
 */
import type { AirbyteCatalog } from '../api/types.js';
import { DEFAULT_MAX_ATTEMPTS } from '../client/index.js';
import { GitopsError } from '../errors.js';
import type { Plan, Step } from '../plan/types.js';
import { adapterFor, type AdapterContext } from './adapters.js';
import { createOrAdopt } from './adopt.js';
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

/** Runs one step; resolves to the outcome (never rejects). */
async function runStep(step: Step, plan: Plan, ctx: AdapterContext, created: Map<string, string>, options: ExecuteOptions): Promise<StepOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  const base: StepOutcome = { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'done' };
  const change = plan.changes[step.change];
  try {
    if (!change) throw new GitopsError('USAGE', `step ${step.key} refers to change ${step.change}, which the plan does not have`);
    const adapter = adapterFor(step.kind);
    let outcome: StepOutcome = base;
    if (step.op === 'create') {
      const attempts = options.createAttempts ?? DEFAULT_MAX_ATTEMPTS;
      const { id, adopted } = await createOrAdopt(
        () => adapter.create(change, ctx),
        () => adapter.findByName(step.name, ctx),
        attempts,
      );
      outcome = { ...base, id, ...(adopted ? { adopted } : {}) };
    } else if (step.op === 'update') {
      outcome = { ...base, id: await adapter.update(change, ctx), ...(change.rename ? { renamedFrom: change.rename.from } : {}) };
    } else {
      outcome = { ...base, id: await adapter.delete(change, ctx) };
    }
    if (step.op !== 'delete' && step.kind !== 'connection' && outcome.id !== undefined) created.set(refKey(step.kind, step.name), outcome.id);
    return { ...outcome, durationMs: now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'failed', error: message, durationMs: now() - started };
  }
}

function countOutcomes(steps: StepOutcome[]): ApplyCounts {
  const done = (op: Step['op']) => steps.filter((s) => s.status === 'done' && s.op === op).length;
  const status = (wanted: StepOutcome['status']) => steps.filter((s) => s.status === wanted).length;
  return {
    created: done('create'),
    updated: done('update'),
    deleted: done('delete'),
    failed: status('failed'),
    skipped: status('skipped'),
    notStarted: status('not-started'),
  };
}

/** A run that was signalled is `interrupted` (exit 130) even when nothing was left to start. */
function overall(counts: ApplyCounts, signalled: boolean): ApplyStatus {
  if (counts.notStarted > 0 || signalled) return 'interrupted';
  return counts.failed + counts.skipped > 0 ? 'failed' : 'applied';
}

/** The first dependency that did not succeed, as the label of the failure at its root. */
function blocker(step: Step, outcomes: Map<string, StepOutcome>, byKey: Map<string, Step>): string | undefined {
  for (const dep of step.dependsOn) {
    const outcome = outcomes.get(dep);
    if (outcome?.status === 'failed') return label(byKey.get(dep) ?? outcome);
    if (outcome?.status === 'skipped') return outcome.blockedBy;
  }
  return undefined;
}

/** Executes the plan's steps; see the module comment. Never throws for a failed step: it is in the result. */
export async function executePlan(client: ApplyClient, plan: Plan, options: ExecuteOptions = {}): Promise<ApplyResult> {
  const now = options.now ?? Date.now;
  const started = now();
  if (options.secrets !== undefined) client.addSecrets(options.secrets);
  const parallelism = Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM);
  const { ctx, created } = adapterContext(client, plan);
  const byKey = new Map(plan.order.map((step) => [step.key, step]));
  const outcomes = new Map<string, StepOutcome>();
  const settle = (outcome: StepOutcome) => {
    outcomes.set(outcome.key, outcome);
    options.onStep?.(outcome);
  };
  let waiting = [...plan.order];
  const running = new Set<Promise<void>>();
  // Dependencies outside the plan cannot hold a step back.
  const satisfied = (dep: string) => !byKey.has(dep) || outcomes.get(dep)?.status === 'done';

  for (;;) {
    // In plan order a dependency always comes first, so one pass carries a failure down the whole chain.
    for (const step of waiting) {
      const blockedBy = blocker(step, outcomes, byKey);
      if (blockedBy !== undefined) settle({ key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'skipped', blockedBy });
    }
    waiting = waiting.filter((step) => !outcomes.has(step.key));
    if (options.signal?.aborted !== true) {
      for (const step of waiting.filter((s) => s.dependsOn.every(satisfied))) {
        if (running.size >= parallelism) break;
        waiting = waiting.filter((s) => s !== step);
        const task: Promise<void> = runStep(step, plan, ctx, created, options).then((outcome) => {
          running.delete(task);
          settle(outcome);
        });
        running.add(task);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  for (const step of waiting) outcomes.set(step.key, { key: step.key, op: step.op, kind: step.kind, name: step.name, status: 'not-started' });
  const steps = plan.order.map((step) => outcomes.get(step.key) as StepOutcome);
  const counts = countOutcomes(steps);
  return { status: overall(counts, options.signal?.aborted === true), steps, counts, durationMs: now() - started };
}
