/**
 * Executor benchmark: N sources + N destinations + N connections created from an empty workspace by the real
 * executor against a client that answers at once (no HTTP, no server). What is left is scheduling and the
 * convergence bookkeeping; it must grow linearly with N.
 */
import type { JsonObject } from '../api/types.js';
import { executePlan } from '../apply/executor.js';
import type { ActorChange, Change, ConnectionChange, Plan } from '../plan/types.js';
import { applyOrder } from '../plan/diff/order.js';
import { summarize } from '../plan/diff/index.js';
import { InstantClient } from './instant-client.js';

const loc = { file: 'bench.yaml', line: 1, col: 1 };

/** The change that creates a source or destination (also used by the executor's tests). */
export function actorCreateChange(kind: 'source' | 'destination', name: string, configuration: JsonObject, definitionId = `${kind}-definition`): ActorChange {
  return {
    kind,
    name,
    action: 'create',
    id: null,
    fields: [],
    warnings: [],
    destructive: false,
    definitionId,
    preserved: {},
    takesDown: [],
    desired: { kind, name, definition: 'X', configuration, origins: {}, previousNames: [], loc },
  };
}

/** The change that creates a connection between a pending source and destination of the same run. */
export function connectionCreateChange(name: string, source: string, destination: string): ConnectionChange {
  return {
    kind: 'connection',
    name,
    action: 'create',
    id: null,
    fields: [],
    warnings: [],
    destructive: false,
    sourceRef: { pending: source },
    destinationRef: { pending: destination },
    patch: null,
    syncCatalog: null,
    remoteEndpoints: null,
    desired: {
      kind: 'connection',
      name,
      source,
      destination,
      status: 'active',
      schedule: { type: 'manual' },
      previousNames: [],
      loc,
      streams: [{ name: 'users', syncMode: 'full_refresh', destinationSyncMode: 'overwrite', loc }],
    },
  };
}

/** The plan of creating n sources, n destinations and n connections. */
export function creationPlan(n: number): Plan {
  const changes: Change[] = [];
  for (let i = 0; i < n; i++) changes.push(actorCreateChange('source', `s${i}`, { host: 'h' }), actorCreateChange('destination', `d${i}`, { host: 'h' }));
  for (let i = 0; i < n; i++) changes.push(connectionCreateChange(`c${i}`, `s${i}`, `d${i}`));
  return { formatVersion: 1, workspace: { workspaceId: 'ws', name: 'bench' }, changes, unmanaged: [], summary: summarize(changes), order: applyOrder(changes) };
}

async function once(n: number): Promise<{ ms: number; calls: number; status: string }> {
  const plan = creationPlan(n);
  const client = new InstantClient();
  const started = performance.now();
  // The wait for concurrent runs' creates is time, not work: left out here (the apply benchmarks include it).
  const result = await executePlan(client, plan, { parallelism: 8, convergeWaitMs: 0 });
  return { ms: performance.now() - started, calls: client.calls, status: result.status };
}

export async function benchExecutor(): Promise<string> {
  await once(100); // warm up
  const sizes = [1000, 3000];
  const runs = [];
  for (const n of sizes) runs.push({ n, ...(await once(n)) });
  const [small, large] = runs as [(typeof runs)[number], (typeof runs)[number]];
  const exponent = Math.log(large.ms / small.ms) / Math.log(large.n / small.n);
  return [
    'executor alone (client answering at once, --parallelism 8, no wait for concurrent runs): scheduling and convergence bookkeeping',
    ...runs.map(
      (run) =>
        `  N=${run.n}: ${run.n * 3} steps in ${run.ms.toFixed(0)} ms, ${run.calls} calls (${run.n * 4} writes and discoveries + convergence listings) (${run.status})`,
    ),
    `  growth exponent N=${small.n}→${large.n}: ${exponent.toFixed(2)} (1.0 is linear)`,
  ].join('\n');
}
