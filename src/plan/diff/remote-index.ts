/**
 * Look-ups into a remote state built once per state, so that the diff of thousands of resources never scans the
 * remote lists per resource: actors by id, the connections that use an actor, definitions by id.
 */
import type { ActorKind } from '../../model/desired.js';
import type { RemoteActor, RemoteConnection, RemoteDefinition, RemoteState } from '../../model/remote.js';
import { groupBy } from '../by-name.js';

export interface RemoteIndex {
  actorById(kind: ActorKind, id: string): RemoteActor | undefined;
  /** Remote connections whose source (or destination) is this actor, in list order. */
  connectionsOf(kind: ActorKind, id: string): readonly RemoteConnection[];
  definitionById(id: string): RemoteDefinition | undefined;
}

const endpointKey = (kind: ActorKind, id: string) => `${kind}\u0000${id}`;

function build(remote: RemoteState): RemoteIndex {
  const actors = new Map<string, RemoteActor>();
  for (const actor of [...remote.sources, ...remote.destinations]) {
    const key = endpointKey(actor.kind, actor.id);
    if (!actors.has(key)) actors.set(key, actor);
  }
  const bySource = groupBy(remote.connections, (connection) => connection.sourceId);
  const byDestination = groupBy(remote.connections, (connection) => connection.destinationId);
  const definitions = new Map<string, RemoteDefinition>();
  for (const definition of remote.definitions) if (!definitions.has(definition.definitionId)) definitions.set(definition.definitionId, definition);
  return {
    actorById: (kind, id) => actors.get(endpointKey(kind, id)),
    connectionsOf: (kind, id) => (kind === 'source' ? bySource : byDestination).get(id) ?? [],
    definitionById: (id) => definitions.get(id),
  };
}

/** The sizes an index was built for: a state that changed since (a test editing it) gets a new one. */
const sizes = (remote: RemoteState) => [remote.sources, remote.destinations, remote.connections, remote.definitions].map((list) => list.length).join();

const built = new WeakMap<RemoteState, { sizes: string; index: RemoteIndex }>();

export function remoteIndex(remote: RemoteState): RemoteIndex {
  const current = built.get(remote);
  if (current !== undefined && current.sizes === sizes(remote)) return current.index;
  const index = build(remote);
  built.set(remote, { sizes: sizes(remote), index });
  return index;
}
