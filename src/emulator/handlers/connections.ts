/**
 * connections/create, update (patch-style), get, list (never paginated, hides deleted), list_all (shows deleted)
 * and delete (soft: status `deprecated`, kept in state, still found by get). connections/sync and reset live with
 * the jobs.
 */
import { randomUUID } from 'node:crypto';
import type { AirbyteCatalog, ConnectionStatus, Json, JsonObject, NamespaceDefinition, NonBreakingChangesPreference } from '../../api/types.js';
import { streamKey, type StreamName } from '../../streams/identity.js';
import { destinationDefinition } from '../catalog.js';
import { invalidInput, notFound } from '../errors.js';
import { optionalString, requireFields, requiredString } from '../request.js';
import type { StoredConnection } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { DESTINATION, findActor, SOURCE } from './actor-kind.js';
import { discoveredCatalog, madeUpCatalogNote } from './discovery.js';
import { scheduleForCreate, scheduleForUpdate } from './schedule.js';
import { catalogRead, catalogToStore } from './sync-catalog.js';
import { dropState, dropStreamStates } from './sync-state.js';
import { workspaceOrThrow } from './workspaces.js';

const STATUSES: ConnectionStatus[] = ['active', 'inactive', 'deprecated', 'locked'];

/** A connection by id, including deleted ones (get still finds a soft-deleted connection). */
export function findConnection(ctx: Context, connectionId: string): StoredConnection {
  const connection = ctx.store.connection(connectionId);
  if (!connection) throw notFound('STANDARD_SYNC', connectionId);
  return connection;
}

function connectionRead(ctx: Context, connection: StoredConnection): JsonObject {
  const { createdAt, syncCatalog, scheduleData, breakingChange, notifySchemaChanges, notifySchemaChangesByEmail, ...fields } = connection;
  const basic = scheduleData?.basicSchedule;
  return {
    ...(fields as unknown as JsonObject),
    syncCatalog: catalogRead(syncCatalog) as unknown as Json,
    ...(scheduleData ? { scheduleData: scheduleData as unknown as Json } : {}),
    ...(basic ? { schedule: { units: basic.units, timeUnit: basic.timeUnit } } : {}),
    breakingChange: breakingChange ?? false,
    notifySchemaChanges: notifySchemaChanges ?? false,
    notifySchemaChangesByEmail: notifySchemaChangesByEmail ?? false,
    created_at: createdAt,
    ...(ctx.flavor === '1.6' ? { geography: 'auto' } : {}),
  };
}

function statusOf(value: Json | undefined): ConnectionStatus {
  if (!STATUSES.includes(value as ConnectionStatus)) throw invalidInput(`Invalid status '${String(value)}': expected one of ${STATUSES.join(', ')}`);
  return value as ConnectionStatus;
}

function storedCatalog(ctx: Context, connection: Pick<StoredConnection, 'sourceId' | 'destinationId'>, incoming: Json | undefined) {
  const source = findActor(ctx, SOURCE, connection.sourceId);
  const destination = findActor(ctx, DESTINATION, connection.destinationId);
  const modes = destinationDefinition(ctx, destination.definitionId).supportedDestinationSyncModes;
  return catalogToStore(incoming, discoveredCatalog(ctx, source), modes, madeUpCatalogNote(ctx, source));
}

/** Optional fields a create or a patch may set, copied only when present (a patch never clears with null). */
function optionalFields(body: JsonObject): Partial<StoredConnection> {
  const fields: Partial<StoredConnection> = {};
  if (typeof body['name'] === 'string') fields.name = body['name'];
  if (typeof body['namespaceDefinition'] === 'string') fields.namespaceDefinition = body['namespaceDefinition'] as NamespaceDefinition;
  if (typeof body['namespaceFormat'] === 'string') fields.namespaceFormat = body['namespaceFormat'];
  if (typeof body['prefix'] === 'string') fields.prefix = body['prefix'];
  if (typeof body['sourceCatalogId'] === 'string') fields.sourceCatalogId = body['sourceCatalogId'];
  const preference = optionalString(body, 'nonBreakingChangesPreference');
  if (preference !== undefined) fields.nonBreakingChangesPreference = preference as NonBreakingChangesPreference;
  if (body['status'] !== undefined && body['status'] !== null) fields.status = statusOf(body['status']);
  for (const flag of ['notifySchemaChanges', 'notifySchemaChangesByEmail'] as const) {
    const value = body[flag];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') throw invalidInput(`${flag} must be a boolean, got ${JSON.stringify(value)}`);
    fields[flag] = value;
  }
  return fields;
}

function create(ctx: Context, body: JsonObject): Reply {
  requireFields(body, ['sourceId', 'destinationId', 'status']);
  const source = findActor(ctx, SOURCE, requiredString(body, 'sourceId'));
  const destination = findActor(ctx, DESTINATION, requiredString(body, 'destinationId'));
  const schedule = scheduleForCreate(body);
  const ids = { sourceId: source.id, destinationId: destination.id };
  const connection: StoredConnection = {
    connectionId: randomUUID(),
    workspaceId: source.workspaceId,
    name: `${source.name} <> ${destination.name}`,
    ...ids,
    status: statusOf(body['status']),
    namespaceDefinition: 'source',
    nonBreakingChangesPreference: 'ignore',
    ...optionalFields(body),
    syncCatalog: storedCatalog(ctx, ids, body['syncCatalog']),
    ...schedule,
    createdAt: Math.floor(ctx.now() / 1000),
  };
  ctx.store.putConnection(connection);
  return ok(connectionRead(ctx, connection));
}

/**
 * The selected streams of `next` whose sync mode differs from the same stream's in `before` (the server's
 * deleteStateForStreamsWithSyncModeChanged: their state is deleted).
 */
function syncModeChanged(before: AirbyteCatalog, next: AirbyteCatalog): StreamName[] {
  const modes = new Map(before.streams.map(({ stream, config }) => [streamKey(stream), config.syncMode]));
  return next.streams
    .filter(({ stream, config }) => {
      const mode = modes.get(streamKey(stream));
      return mode !== undefined && mode !== config.syncMode;
    })
    .map(({ stream }) => stream);
}

/**
 * Patch: absent fields stay; a syncCatalog replaces the whole catalog (and deletes the state of streams whose sync
 * mode it changes); the legacy schedule is a bare 500.
 */
function update(ctx: Context, body: JsonObject): Reply {
  const stored = findConnection(ctx, requiredString(body, 'connectionId'));
  const schedule = scheduleForUpdate(body);
  const fields = optionalFields(body);
  const catalog = body['syncCatalog'] === undefined || body['syncCatalog'] === null ? undefined : storedCatalog(ctx, stored, body['syncCatalog']);
  const connection: StoredConnection = { ...stored, ...fields };
  // A patch may set the flag a discovery with a connection id sets (the server's applyPatchToStandardSync).
  const breakingChange = body['breakingChange'];
  if (breakingChange !== undefined && breakingChange !== null) {
    if (typeof breakingChange !== 'boolean') throw invalidInput(`breakingChange must be a boolean, got ${JSON.stringify(breakingChange)}`);
    connection.breakingChange = breakingChange;
  }
  if (catalog) {
    connection.syncCatalog = catalog;
    dropStreamStates(ctx, stored.connectionId, syncModeChanged(stored.syncCatalog, catalog));
  }
  if (schedule) {
    connection.scheduleType = schedule.scheduleType;
    if (schedule.scheduleData) connection.scheduleData = schedule.scheduleData;
    else delete connection.scheduleData;
  }
  ctx.store.putConnection(connection);
  return ok(connectionRead(ctx, connection));
}

function get(ctx: Context, body: JsonObject): Reply {
  return ok(connectionRead(ctx, findConnection(ctx, requiredString(body, 'connectionId'))));
}

function listing(ctx: Context, body: JsonObject, includeDeleted: boolean): Reply {
  const workspace = workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  const connections: Json[] = [];
  for (const connection of ctx.store.connections()) {
    if (connection.workspaceId === workspace.workspaceId && (includeDeleted || connection.status !== 'deprecated')) {
      connections.push(connectionRead(ctx, connection));
    }
  }
  return ok({ connections });
}

const list = (ctx: Context, body: JsonObject) => listing(ctx, body, ctx.listDeletedConnections);
const listAll = (ctx: Context, body: JsonObject) => listing(ctx, body, true);

function remove(ctx: Context, body: JsonObject): Reply {
  const connection = findConnection(ctx, requiredString(body, 'connectionId'));
  ctx.store.putConnection({ ...connection, status: 'deprecated' });
  dropState(ctx, connection.connectionId);
  return { status: 204 };
}

export const connectionRoutes: RouteTable = {
  'connections/create': { handler: create, write: true },
  'connections/update': { handler: update, write: true },
  'connections/get': { handler: get, write: false },
  'connections/list': { handler: list, write: false },
  'connections/list_all': { handler: listAll, write: false },
  'connections/delete': { handler: remove, write: true },
};
