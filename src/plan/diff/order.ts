/**
 * Apply order as data: each change becomes one step (two for a replace) with the keys of the steps it waits for.
 * Apply runs every step whose dependencies succeeded, in parallel; a failed step skips its dependents.
 */
import type { ResourceKind } from '../../model/desired.js';
import type { ActorRef, Change, ConnectionChange, Step } from '../types.js';

const createKey = (kind: ResourceKind, name: string) => `create:${kind}:${name}`;
const updateKey = (kind: ResourceKind, name: string) => `update:${kind}:${name}`;
// Deletes are keyed by id: a replace deletes and creates under the same name.
const deleteKey = (kind: ResourceKind, id: string) => `delete:${kind}:${id}`;

/** Steps a connection waits for on one side: its own source's (or destination's) create or update, nothing else. */
function endpointDeps(ref: ActorRef | null, kind: 'source' | 'destination', changes: readonly Change[]): string[] {
  if (ref === null) return [];
  if ('pending' in ref) return [createKey(kind, ref.pending)];
  const updated = changes.find((change) => change.kind === kind && change.id === ref.id && change.action === 'update');
  return updated ? [updateKey(kind, updated.name)] : [];
}

/** Connection deletes (including the delete half of a replace) that remove a connection using this actor. */
function connectionDeletesUsing(kind: 'source' | 'destination', id: string, changes: readonly Change[]): string[] {
  return changes
    .filter((change): change is ConnectionChange => change.kind === 'connection' && (change.action === 'delete' || change.action === 'replace'))
    .filter((change) => change.id !== null && (kind === 'source' ? change.remoteEndpoints?.sourceId : change.remoteEndpoints?.destinationId) === id)
    .map((change) => deleteKey('connection', change.id as string));
}

function stepsFor(change: Change, index: number, changes: readonly Change[]): Step[] {
  const at = { kind: change.kind, name: change.name, change: index };
  const steps: Step[] = [];
  const removes = change.action === 'delete' || change.action === 'replace';
  if (removes && change.id !== null) {
    // Connection deletes go before the deletes of their sources and destinations.
    const dependsOn = change.kind === 'connection' ? [] : connectionDeletesUsing(change.kind, change.id, changes);
    steps.push({ ...at, key: deleteKey(change.kind, change.id), op: 'delete', dependsOn });
  }
  if (change.action === 'create' || change.action === 'replace' || change.action === 'update') {
    const op = change.action === 'update' ? 'update' : 'create';
    const own = change.action === 'replace' && change.id !== null ? [deleteKey(change.kind, change.id)] : [];
    // Sources and destinations go before the connections that use them; a connection waits only for its own.
    const ends =
      change.kind === 'connection'
        ? [...endpointDeps(change.sourceRef, 'source', changes), ...endpointDeps(change.destinationRef, 'destination', changes)]
        : [];
    const key = op === 'update' ? updateKey(change.kind, change.name) : createKey(change.kind, change.name);
    steps.push({ ...at, key, op, dependsOn: [...own, ...ends] });
  }
  return steps;
}

/** The steps of a plan's changes, in a valid sequential order (a dependency always comes before its dependents). */
export function applyOrder(changes: readonly Change[]): Step[] {
  const steps = changes.flatMap((change, index) => stepsFor(change, index, changes));
  const rank = (step: Step) => (step.op === 'delete' ? (step.kind === 'connection' ? 0 : 1) : step.kind === 'connection' ? 3 : 2);
  return steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i)
    .map(({ step }) => step);
}
