/**
 * One small adapter per resource kind, each with the same verbs (create, update, delete, find by name). The
 * executor picks the verb from the step's `op` and never looks at anything else: the plan already resolved
 * definitions, references and the exact connection patch.
 */
import type { AirbyteCatalog, ConnectionCreate } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { ResourceKind } from '../model/desired.js';
import { streamsToCreate } from '../plan/all-streams.js';
import { buildSyncCatalog } from '../plan/catalog.js';
import { toSchedule } from '../plan/diff/connections.js';
import type { ActorChange, ActorRef, Change, ConnectionChange } from '../plan/types.js';
import { revealSecrets } from '../secrets/seal.js';
import { connectionKey, type Created } from './converge.js';
import type { ApplyClient, Discover } from './types.js';

/** What an adapter may use besides the change: the client, the workspace, ids created earlier, discovery. */
export interface AdapterContext {
  client: ApplyClient;
  workspaceId: string;
  /** The id of a source or destination: existing, or created by an earlier step of this run. */
  resolve(kind: 'source' | 'destination', ref: ActorRef): string;
  discover: Discover;
  /**
   * The id Airbyte now has for a resource of this name (the kept copy when it holds several), for a resource the plan
   * found but Airbyte no longer has: another run removed its copy of a name both created at the same time. Ids
   * relocated here are then what `resolve` returns for the old id.
   */
  relocate(kind: ResourceKind, name: string, staleId: string): Promise<string | undefined>;
}

/** The verbs every kind fills in. Update and delete resolve to the id of the resource they acted on. */
export interface Adapter<C extends Change> {
  create(change: C, ctx: AdapterContext): Promise<Created>;
  update(change: C, ctx: AdapterContext): Promise<string>;
  delete(change: C, ctx: AdapterContext): Promise<string>;
  /**
   * What tells this resource apart from another one of the same name (see `Copy.key`): the definition of a source
   * or destination, the source and destination of a connection. Known before the create is sent.
   */
  key(change: C, ctx: AdapterContext): string;
}

/** A delete of something already gone (another run deleted it, or a retried delete) counts as done. */
export async function deleted(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!(error instanceof GitopsError && error.status === 404)) throw error;
  }
}

const isGone = (error: unknown) => error instanceof GitopsError && error.status === 404;

/**
 * Acts on the resource with the plan's id; when Airbyte answers 404 (the copy the plan saw was removed by another run
 * that created the same resource at the same time), acts once more on the copy Airbyte kept under that name.
 */
async function onCurrentCopy<T>(kind: ResourceKind, name: string, id: string, ctx: AdapterContext, act: (id: string) => Promise<T>): Promise<T> {
  try {
    return await act(id);
  } catch (error) {
    if (!isGone(error)) throw error;
    const moved = await ctx.relocate(kind, name, id);
    if (moved === undefined || moved === id) throw error;
    return act(moved);
  }
}

/** The name Airbyte knows a resource by before this change: its old name when the change renames it. */
const remoteName = (change: Change) => change.rename?.from ?? change.name;

function needId(change: Change): string {
  if (change.id === null) throw new GitopsError('USAGE', `${change.kind} '${change.name}': the plan has no id to ${change.action} it with`);
  return change.id;
}

/** The desired configuration, complete and with its secrets revealed: the request body creates send. */
function desiredActor(change: ActorChange) {
  if (!change.desired?.configuration) throw new GitopsError('USAGE', `${change.kind} '${change.name}': the plan has no configuration to send`);
  return { name: change.desired.name, configuration: revealSecrets(change.desired.configuration) };
}

/**
 * The body of a full update: the stored keys the pipeline does not set (kept by sending them back), then the
 * desired configuration, whose top-level keys win whole (a oneOf object is never mixed with the stored one).
 */
function updatedActor(change: ActorChange) {
  const { name, configuration } = desiredActor(change);
  return { name, configuration: { ...change.preserved, ...configuration } };
}

const sourceAdapter: Adapter<ActorChange> = {
  async create(change, { client, workspaceId }) {
    const { name, configuration } = desiredActor(change);
    const read = await client.createSource({ sourceDefinitionId: change.definitionId, workspaceId, name, connectionConfiguration: configuration });
    return { id: read.sourceId, createdAt: read.createdAt };
  },
  async update(change, ctx) {
    const { name, configuration } = updatedActor(change);
    return onCurrentCopy('source', remoteName(change), needId(change), ctx, async (sourceId) => {
      return (await ctx.client.updateSource({ sourceId, name, connectionConfiguration: configuration })).sourceId;
    });
  },
  async delete(change, { client }) {
    await deleted(() => client.deleteSource(needId(change), `source '${change.name}'`));
    return needId(change);
  },
  key: (change) => change.definitionId,
};

const destinationAdapter: Adapter<ActorChange> = {
  async create(change, { client, workspaceId }) {
    const { name, configuration } = desiredActor(change);
    const read = await client.createDestination({ destinationDefinitionId: change.definitionId, workspaceId, name, connectionConfiguration: configuration });
    return { id: read.destinationId, createdAt: read.createdAt };
  },
  async update(change, ctx) {
    const { name, configuration } = updatedActor(change);
    return onCurrentCopy('destination', remoteName(change), needId(change), ctx, async (destinationId) => {
      return (await ctx.client.updateDestination({ destinationId, name, connectionConfiguration: configuration })).destinationId;
    });
  },
  async delete(change, { client }) {
    await deleted(() => client.deleteDestination(needId(change), `destination '${change.name}'`));
    return needId(change);
  },
  key: (change) => change.definitionId,
};

/** The create body: the current schedule model only (scheduleType / scheduleData), optional fields only when declared. */
async function connectionCreateBody(change: ConnectionChange, ctx: AdapterContext): Promise<ConnectionCreate> {
  const desired = change.desired;
  if (!desired || !change.sourceRef || !change.destinationRef)
    throw new GitopsError('USAGE', `connection '${change.name}': the plan has no endpoints to create it with`);
  const sourceId = ctx.resolve('source', change.sourceRef);
  const destinationId = ctx.resolve('destination', change.destinationRef);
  const syncCatalog = change.syncCatalog ?? (await catalogOnceCreated(change, sourceId, ctx));
  const body: ConnectionCreate = { name: desired.name, sourceId, destinationId, status: desired.status, ...toSchedule(desired.schedule), syncCatalog };
  if (desired.namespaceDefinition !== undefined) body.namespaceDefinition = desired.namespaceDefinition;
  if (desired.namespaceFormat !== undefined) body.namespaceFormat = desired.namespaceFormat;
  if (desired.prefix !== undefined) body.prefix = desired.prefix;
  if (desired.nonBreakingChangesPreference !== undefined) body.nonBreakingChangesPreference = desired.nonBreakingChangesPreference;
  if (desired.notifySchemaChanges !== undefined) body.notifySchemaChanges = desired.notifySchemaChanges;
  if (desired.notifySchemaChangesByEmail !== undefined) body.notifySchemaChangesByEmail = desired.notifySchemaChangesByEmail;
  return body;
}

/**
 * The catalog of a connection the plan could not build one for (its source is created in this run and was not
 * discovered at plan time): discovered now, with an all-streams connection expanded as the plan would have.
 */
async function catalogOnceCreated(change: ConnectionChange, sourceId: string, ctx: AdapterContext): Promise<AirbyteCatalog> {
  const desired = change.desired;
  if (!desired) throw new GitopsError('USAGE', `connection '${change.name}': the plan has no declared connection to create`);
  const discovered = (await ctx.discover(sourceId, desired.source)).streams;
  return buildSyncCatalog(streamsToCreate(desired, discovered, change.destinationSyncModes), discovered);
}

const connectionAdapter: Adapter<ConnectionChange> = {
  async create(change, ctx) {
    let body = await connectionCreateBody(change, ctx);
    try {
      const read = await ctx.client.createConnection(body);
      return { id: read.connectionId, createdAt: read.created_at, key: connectionKey(body.sourceId, body.destinationId) };
    } catch (error) {
      // A source or destination the plan found may have been another run's copy of a name both created at once.
      if (!isGone(error) || !change.desired || !change.sourceRef || !change.destinationRef) throw error;
      let moved = false;
      for (const [kind, ref, name] of [
        ['source', change.sourceRef, change.desired.source],
        ['destination', change.destinationRef, change.desired.destination],
      ] as const) {
        if ('id' in ref && (await ctx.relocate(kind, name, ref.id)) !== undefined) moved = true;
      }
      if (!moved) throw error;
      body = await connectionCreateBody(change, ctx);
      const read = await ctx.client.createConnection(body);
      return { id: read.connectionId, createdAt: read.created_at, key: connectionKey(body.sourceId, body.destinationId) };
    }
  },
  async update(change, ctx) {
    // Exactly the patch the plan computed: never the legacy schedule, the catalog only when streams differ.
    return onCurrentCopy('connection', remoteName(change), needId(change), ctx, async (connectionId) => {
      return (await ctx.client.updateConnection({ connectionId, ...(change.patch ?? {}) }, `connection '${change.name}'`)).connectionId;
    });
  },
  async delete(change, { client }) {
    await deleted(() => client.deleteConnection(needId(change), `connection '${change.name}'`));
    return needId(change);
  },
  key(change, ctx) {
    if (!change.sourceRef || !change.destinationRef) throw new GitopsError('USAGE', `connection '${change.name}': the plan has no endpoints`);
    return connectionKey(ctx.resolve('source', change.sourceRef), ctx.resolve('destination', change.destinationRef));
  },
};

/** The adapter for a kind. */
export function adapterFor(kind: ResourceKind): Adapter<Change> {
  const adapters = { source: sourceAdapter, destination: destinationAdapter, connection: connectionAdapter } as Record<ResourceKind, Adapter<Change>>;
  return adapters[kind];
}
