/**
 * Apply order as data: each change becomes one step (two for a replace) with the keys of the steps it waits for.
 * Apply runs every step whose dependencies succeeded, in parallel; a failed step skips its dependents.
 */
import type { ResourceKind } from '../../model/desired.js';
import type { ActorRef, Change, Step } from '../types.js';

const createKey = (kind: ResourceKind, name: string) => `create:${kind}:${name}`;
const updateKey = (kind: ResourceKind, name: string) => `update:${kind}:${name}`;
// Deletes are keyed by id: a replace deletes and creates under the same name.
const deleteKey = (kind: ResourceKind, id: string) => `delete:${kind}:${id}`;

/** What the steps of one plan look up, built once: actor updates by id, and connection deletes by the actors they use. */
interface ChangeIndex {
  /** `kind\0id` of an updated source or destination → its name. */
  updates: Map<string, string>;
  /** `kind\0id` of a source or destination → delete keys of the connections using it that are deleted (or replaced). */
  connectionDeletes: Map<string, string[]>;
}

const actorKey = (kind: 'source' | 'destination', id: string) => `${kind}\u0000${id}`;

function indexChanges(changes: readonly Change[]): ChangeIndex {
  const index: ChangeIndex = { updates: new Map(), connectionDeletes: new Map() };
  for (const change of changes) {
    if (change.kind !== 'connection') {
      const key = change.id === null ? undefined : actorKey(change.kind, change.id);
      if (key !== undefined && change.action === 'update' && !index.updates.has(key)) index.updates.set(key, change.name);
      continue;
    }
    if ((change.action !== 'delete' && change.action !== 'replace') || change.id === null || change.remoteEndpoints === null) continue;
    const removes = deleteKey('connection', change.id);
    for (const [kind, id] of [
      ['source', change.remoteEndpoints.sourceId],
      ['destination', change.remoteEndpoints.destinationId],
    ] as const) {
      const key = actorKey(kind, id);
      const using = index.connectionDeletes.get(key);
      if (using === undefined) index.connectionDeletes.set(key, [removes]);
      else using.push(removes);
    }
  }
  return index;
}

/** Steps a connection waits for on one side: its own source's (or destination's) create or update, nothing else. */
function endpointDeps(ref: ActorRef | null, kind: 'source' | 'destination', index: ChangeIndex): string[] {
  if (ref === null) return [];
  if ('pending' in ref) return [createKey(kind, ref.pending)];
  const updated = index.updates.get(actorKey(kind, ref.id));
  return updated === undefined ? [] : [updateKey(kind, updated)];
}

/** Connection deletes (including the delete half of a replace) that remove a connection using this actor. */
function connectionDeletesUsing(kind: 'source' | 'destination', id: string, index: ChangeIndex): string[] {
  return index.connectionDeletes.get(actorKey(kind, id)) ?? [];
}

function stepsFor(change: Change, at: number, index: ChangeIndex): Step[] {
  const here = { kind: change.kind, name: change.name, change: at };
  const steps: Step[] = [];
  const removes = change.action === 'delete' || change.action === 'replace';
  if (removes && change.id !== null) {
    // Connection deletes go before the deletes of their sources and destinations.
    const dependsOn = change.kind === 'connection' ? [] : connectionDeletesUsing(change.kind, change.id, index);
    steps.push({ ...here, key: deleteKey(change.kind, change.id), op: 'delete', dependsOn });
  }
  if (change.action === 'create' || change.action === 'replace' || change.action === 'update') {
    const op = change.action === 'update' ? 'update' : 'create';
    const own = change.action === 'replace' && change.id !== null ? [deleteKey(change.kind, change.id)] : [];
    // Sources and destinations go before the connections that use them; a connection waits only for its own.
    const ends =
      change.kind === 'connection' ? [...endpointDeps(change.sourceRef, 'source', index), ...endpointDeps(change.destinationRef, 'destination', index)] : [];
    const key = op === 'update' ? updateKey(change.kind, change.name) : createKey(change.kind, change.name);
    steps.push({ ...here, key, op, dependsOn: [...own, ...ends] });
  }
  return steps;
}

/** The steps of a plan's changes, in a valid sequential order (a dependency always comes before its dependents). */
export function applyOrder(changes: readonly Change[]): Step[] {
  const index = indexChanges(changes);
  const steps = changes.flatMap((change, at) => stepsFor(change, at, index));
  const rank = (step: Step) => (step.op === 'delete' ? (step.kind === 'connection' ? 0 : 1) : step.kind === 'connection' ? 3 : 2);
  return steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i)
    .map(({ step }) => step);
}
