/**
 * `diff(desired, remote) → Plan`: pure, no I/O. Each kind has its adapter (actors.ts, connections.ts); this file
 * matches names, resolves references between kinds, and turns what is left over into unmanaged or deletes.
 */
import type { DestinationSyncMode } from '../../api/types.js';
import type { ActorKind } from '../../model/desired.js';
import type { RemoteActor, RemoteConnection, RemoteState } from '../../model/remote.js';
import type { ResolvedReference, ValidatedPipeline } from '../../model/validated.js';
import {
  ACTIONS,
  type ActorChange,
  type ActorRef,
  type Change,
  type ConnectionChange,
  type DiffOptions,
  type Plan,
  type Summary,
  type UnmanagedResource,
} from '../types.js';
import { GitopsError } from '../../errors.js';
import type { ResourceKind } from '../../model/desired.js';
import { printable } from '../../util/printable.js';
import { describeGroup, findDuplicates, type DuplicateGroup } from '../duplicates.js';
import { connectionsUsing, planActor } from './actors.js';
import { planConnection } from './connections.js';
import { matchDeclared, NameIndex } from './match.js';
import { applyOrder } from './order.js';

export { applyOrder } from './order.js';

interface Context {
  remote: RemoteState;
  actors: Record<ActorKind, NameIndex<RemoteActor>>;
  connections: NameIndex<RemoteConnection>;
  /** Remote ids that a declaration matched or a name-only reference points at: never unmanaged, never pruned. */
  claimed: Set<string>;
  refs: Record<ActorKind, Map<string, ActorRef>>;
}

/** A name the pipeline only refers to (validation saw it exists): claimed, so it is never unmanaged nor pruned. */
function claimReference(ctx: Context, reference: ResolvedReference): ActorRef {
  // The index refuses a name that several remote resources share (CONFLICT), as it does for a declared one.
  const found = ctx.actors[reference.kind].find(reference.name) ?? reference.existing;
  ctx.claimed.add(found.id);
  return { id: found.id };
}

function planActors(validated: ValidatedPipeline, ctx: Context, options: DiffOptions): ActorChange[] {
  // References first, so that no declaration's previousNames can claim a referenced resource.
  for (const reference of validated.references) ctx.refs[reference.kind].set(reference.name, claimReference(ctx, reference));
  return validated.managed.map((resolved) => {
    const { actor } = resolved;
    const change = planActor(resolved, matchDeclared(actor.name, actor.previousNames, ctx.actors[actor.kind], ctx.claimed), ctx.remote, options);
    const pending = change.action === 'create' || change.action === 'replace';
    ctx.refs[actor.kind].set(actor.name, pending || change.id === null ? { pending: actor.name } : { id: change.id });
    return change;
  });
}

/** Where a connection's source or destination is: validation resolved every endpoint name to an actor or reference. */
function endpoint(ctx: Context, kind: ActorKind, name: string): ActorRef {
  const ref = ctx.refs[kind].get(name);
  if (ref === undefined) throw new Error(`diff: ${kind} '${name}' was not validated`);
  return ref;
}

/** The sync modes a destination supports, by name (declared, or existing): for apply's expansion of all-streams connections. */
function destinationModes(validated: ValidatedPipeline, remote: RemoteState, name: string): DestinationSyncMode[] | undefined {
  const declared = validated.managed.find(({ actor }) => actor.kind === 'destination' && actor.name === name);
  const definitionId = declared?.definition.definitionId ?? remote.destinations.find((actor) => actor.name === name)?.definitionId;
  return definitionId === undefined ? undefined : remote.specs[definitionId]?.supportedDestinationSyncModes;
}

function planConnections(validated: ValidatedPipeline, ctx: Context): ConnectionChange[] {
  return validated.pipeline.connections.map((connection) => {
    const match = matchDeclared(connection.name, connection.previousNames, ctx.connections, ctx.claimed);
    const ends = { sourceRef: endpoint(ctx, 'source', connection.source), destinationRef: endpoint(ctx, 'destination', connection.destination) };
    const expanded = validated.expandedStreams.get(connection.name);
    // Only an all-streams connection apply expands needs them (rare): looked up then, not for every connection.
    const modes = connection.allStreams !== undefined && expanded === undefined ? destinationModes(validated, ctx.remote, connection.destination) : undefined;
    return planConnection(connection, match, ends, ctx.remote, { ...(expanded ? { expanded } : {}), ...(modes ? { destinationModes: modes } : {}) });
  });
}

function actorDelete(actor: RemoteActor, remote: RemoteState): ActorChange {
  const takesDown = connectionsUsing(remote, actor);
  const warnings = takesDown.length === 0 ? [] : [`deletes its connections ${takesDown.map((name) => `'${name}'`).join(', ')} with it`];
  const common = { kind: actor.kind, name: actor.name, id: actor.id, fields: [], warnings, destructive: true };
  return { ...common, action: 'delete', definitionId: actor.definitionId, desired: null, preserved: {}, takesDown };
}

function connectionDelete(connection: RemoteConnection, warnings: string[]): ConnectionChange {
  const remoteEndpoints = { sourceId: connection.sourceId, destinationId: connection.destinationId };
  const common = { kind: 'connection' as const, name: connection.name, id: connection.id, fields: [], warnings, destructive: true, savesState: true };
  return { ...common, action: 'delete', sourceRef: null, destinationRef: null, desired: null, patch: null, syncCatalog: null, remoteEndpoints };
}

/** Remote resources nobody claimed: unmanaged, or deletes under prune or when a replace takes them down. */
function leftovers(ctx: Context, replaced: ActorChange[], prune: boolean): { deletes: Change[]; unmanaged: UnmanagedResource[] } {
  const deletes: Change[] = [];
  const unmanaged: UnmanagedResource[] = [];
  const replacedIds = new Map(replaced.map((change) => [change.id, change]));
  for (const actor of [...ctx.actors.source.all, ...ctx.actors.destination.all]) {
    if (ctx.claimed.has(actor.id)) continue;
    if (prune) deletes.push(actorDelete(actor, ctx.remote));
    else unmanaged.push({ kind: actor.kind, name: actor.name, id: actor.id });
  }
  for (const connection of ctx.connections.all) {
    if (ctx.claimed.has(connection.id)) continue;
    const by = replacedIds.get(connection.sourceId) ?? replacedIds.get(connection.destinationId);
    // The server deletes a source's or destination's connections with it: say so rather than list them as kept.
    const warnings = by ? [`deleted with ${by.kind} '${by.name}', which is replaced`] : [];
    if (prune || by) deletes.push(connectionDelete(connection, warnings));
    else unmanaged.push({ kind: 'connection', name: connection.name, id: connection.id });
  }
  return { deletes, unmanaged };
}

/** The names the pipeline uses, by kind: declared names, previous names and name-only references. */
function namesUsed(validated: ValidatedPipeline): (kind: ResourceKind, name: string) => boolean {
  const used = new Set<string>();
  const add = (kind: ResourceKind, name: string) => used.add(`${kind}\u0000${name}`);
  for (const { actor } of validated.managed) for (const name of [actor.name, ...actor.previousNames]) add(actor.kind, name);
  for (const reference of validated.references) add(reference.kind, reference.name);
  for (const connection of validated.pipeline.connections) for (const name of [connection.name, ...connection.previousNames]) add('connection', name);
  return (kind, name) => used.has(`${kind}\u0000${name}`);
}

/**
 * Same-named remote copies of names the pipeline uses. Exact duplicates are set aside (the kept copy is planned
 * against; under `dedupe` the others become deletes); a group with a copy that differs is refused, explained copy by
 * copy, since no one can tell which copy the pipeline means.
 */
function setAsideDuplicates(validated: ValidatedPipeline, remote: RemoteState): { remote: RemoteState; groups: DuplicateGroup[]; extras: Set<string> } {
  const groups = findDuplicates(remote, namesUsed(validated));
  if (groups.length === 0) return { remote, groups, extras: new Set() };
  const unclear = groups.filter((group) => group.copies.some((copy) => copy.verdict === 'differs'));
  if (unclear.length > 0) {
    const quote = (name: string) => `'${printable(name)}'`;
    throw new GitopsError(
      'CONFLICT',
      `${unclear.length} name${unclear.length === 1 ? '' : 's'} the pipeline uses ${unclear.length === 1 ? 'is' : 'are'} held by several remote resources that are not exact duplicates; names must be unique`,
      {
        details: unclear.flatMap((group) => describeGroup(group, quote, printable)),
        hint: "rename or delete the copies marked 'differs' in Airbyte (or give the resource another name in the pipeline), then plan again.",
        meta: { duplicates: unclear },
      },
    );
  }
  const extras = new Set(groups.flatMap((group) => group.copies.filter((copy) => copy.verdict === 'remove').map((copy) => copy.id)));
  const keep = <T extends { id: string }>(items: T[]) => items.filter((item) => !extras.has(item.id));
  return {
    remote: { ...remote, sources: keep(remote.sources), destinations: keep(remote.destinations), connections: keep(remote.connections) },
    groups,
    extras,
  };
}

/** Under `dedupe`: the deletes of the exact duplicates, each saying which copy is kept. */
function duplicateDeletes(remote: RemoteState, groups: DuplicateGroup[], extras: Set<string>): Change[] {
  const keptOf = new Map<string, string>();
  for (const group of groups) {
    const kept = group.copies.find((copy) => copy.verdict === 'keep');
    for (const copy of group.copies) if (kept !== undefined && copy.verdict === 'remove') keptOf.set(copy.id, kept.id);
  }
  const note = (id: string) => `an exact duplicate of id ${keptOf.get(id) ?? '?'}, which is kept (--dedupe)`;
  const actors = [...remote.sources, ...remote.destinations].filter((actor) => extras.has(actor.id));
  const connections = remote.connections.filter((connection) => extras.has(connection.id));
  return [
    ...connections.map((connection) => connectionDelete(connection, [note(connection.id)])),
    ...actors.map((actor) => {
      const change = actorDelete(actor, remote);
      // Its connections are duplicates deleted beside it, not lost.
      return { ...change, warnings: [note(actor.id)] };
    }),
  ];
}

export function summarize(changes: readonly Change[]): Summary {
  const summary = Object.fromEntries(ACTIONS.map((action) => [action, 0])) as Summary;
  for (const change of changes) summary[change.action] += 1;
  return summary;
}

/**
 * The plan that makes `remote` match the validated pipeline. Mistakes in the pipeline were reported by validation;
 * the one thing left to refuse is remote state no plan can be made of: two remote resources sharing a name the
 * pipeline needs (CONFLICT).
 */
export function diff(validated: ValidatedPipeline, fetched: RemoteState, options: DiffOptions = {}): Plan {
  const { remote, groups, extras } = setAsideDuplicates(validated, fetched);
  const ctx: Context = {
    remote,
    actors: { source: new NameIndex('source', remote.sources), destination: new NameIndex('destination', remote.destinations) },
    connections: new NameIndex('connection', remote.connections),
    claimed: new Set(),
    refs: { source: new Map(), destination: new Map() },
  };
  const actors = planActors(validated, ctx, options);
  const connections = planConnections(validated, ctx);
  const { deletes, unmanaged } = leftovers(
    ctx,
    actors.filter((change) => change.action === 'replace'),
    options.prune === true,
  );
  const dedupe = options.dedupe === true ? duplicateDeletes(fetched, groups, extras) : [];
  const changes: Change[] = [...actors, ...connections, ...deletes, ...dedupe];
  return {
    formatVersion: 1,
    workspace: { workspaceId: remote.workspace.workspaceId, name: remote.workspace.name },
    changes,
    unmanaged,
    ...(groups.length > 0 && options.dedupe !== true ? { duplicates: groups } : {}),
    summary: summarize(changes),
    order: applyOrder(changes),
    refreshed: fetched.refreshed === true,
  };
}
