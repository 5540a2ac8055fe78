/**
 * sources/* and destinations/* (create, update, partial_update, get, list, delete, check_connection,
 * check_connection_for_update), one implementation for both kinds.
 */
import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../../api/types.js';
import { definitionOf } from '../catalog.js';
import { copySecrets, deepMerge, validateConfiguration } from '../config.js';
import { badRequest } from '../errors.js';
import { requireFields, requiredString } from '../request.js';
import type { StoredActor } from '../state.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { actorRead, DESTINATION, findActor, SOURCE, type ActorKind } from './actor-kind.js';
import { listActors } from './actor-list.js';
import { synchronousJob } from './synchronous-job.js';
import { dropState } from './sync-state.js';
import { workspaceOrThrow } from './workspaces.js';
import { isJsonObject } from '../../util/json.js';

function configurationOf(body: JsonObject): JsonObject {
  const configuration = body['connectionConfiguration'];
  if (!isJsonObject(configuration)) throw badRequest('connectionConfiguration must be an object');
  return configuration;
}

function specFor(ctx: Context, kind: ActorKind, actor: Pick<StoredActor, 'definitionId'>): JsonObject {
  return definitionOf(ctx, kind.kind, actor.definitionId).connectionSpecification;
}

/** Create has no mask handling: a mask sent here is stored literally. */
function create(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  requireFields(body, [kind.definitionIdField, 'workspaceId', 'name', 'connectionConfiguration']);
  const definition = definitionOf(ctx, kind.kind, requiredString(body, kind.definitionIdField));
  const workspace = workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  const configuration = configurationOf(body);
  validateConfiguration(definition.connectionSpecification, configuration);
  const actor: StoredActor = {
    id: randomUUID(),
    definitionId: definition.definitionId,
    workspaceId: workspace.workspaceId,
    name: requiredString(body, 'name'),
    configuration: structuredClone(configuration),
    createdAt: Math.floor(ctx.now() / 1000),
    tombstone: false,
  };
  ctx.store.putActor(kind.listField, actor);
  return ok(actorRead(ctx, kind, actor));
}

/** Full replacement; a mask at a secret path keeps the stored secret, an omitted secret is gone. */
function resolvedFullConfiguration(ctx: Context, kind: ActorKind, actor: StoredActor, body: JsonObject): JsonObject {
  const spec = specFor(ctx, kind, actor);
  const configuration = copySecrets(actor.configuration, structuredClone(configurationOf(body)), spec) as JsonObject;
  validateConfiguration(spec, configuration);
  return configuration;
}

function update(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  requireFields(body, [kind.idField, 'name', 'connectionConfiguration']);
  const actor = findActor(ctx, kind, requiredString(body, kind.idField));
  const updated = { ...actor, configuration: resolvedFullConfiguration(ctx, kind, actor, body), name: requiredString(body, 'name') };
  ctx.store.putActor(kind.listField, updated);
  return ok(actorRead(ctx, kind, updated));
}

/** Deep merge with no mask check: a mask sent here becomes the stored secret. */
function partialUpdate(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  const actor = findActor(ctx, kind, requiredString(body, kind.idField));
  const updated = { ...actor };
  const incoming: Json | undefined = body['connectionConfiguration'];
  if (incoming !== undefined && incoming !== null) {
    const merged = deepMerge(actor.configuration, configurationOf(body));
    validateConfiguration(specFor(ctx, kind, actor), merged);
    updated.configuration = merged;
  }
  if (typeof body['name'] === 'string') updated.name = body['name'];
  ctx.store.putActor(kind.listField, updated);
  return ok(actorRead(ctx, kind, updated));
}

function get(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  return ok(actorRead(ctx, kind, findActor(ctx, kind, requiredString(body, kind.idField))));
}

/** Deletes the actor's connections first, then tombstones it and clears its configuration. */
function remove(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  const actor = findActor(ctx, kind, requiredString(body, kind.idField));
  for (const connection of ctx.store.connectionsOf(actor.id)) {
    if (connection[kind.idField] === actor.id && connection.status !== 'deprecated') {
      ctx.store.putConnection({ ...connection, status: 'deprecated' });
      dropState(ctx, connection.connectionId);
    }
  }
  ctx.store.putActor(kind.listField, { ...actor, tombstone: true, configuration: {} });
  return { status: 204 };
}

function checkResult(ctx: Context, kind: ActorKind, actor: Pick<StoredActor, 'definitionId'>, configuration: JsonObject, configId?: string): Reply {
  const result = definitionOf(ctx, kind.kind, actor.definitionId).check(configuration);
  const jobInfo = synchronousJob(kind.checkConfigType, configId, []) as unknown as Json;
  if (result.ok) return ok({ status: 'succeeded', message: 'Connection test succeeded', jobInfo });
  return ok({ status: 'failed', message: result.message, jobInfo });
}

function check(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  const actor = findActor(ctx, kind, requiredString(body, kind.idField));
  return checkResult(ctx, kind, actor, actor.configuration, actor.id);
}

/** Checks the configuration an update would store (masks resolved), without storing it. */
function checkForUpdate(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  requireFields(body, [kind.idField, 'name', 'connectionConfiguration']);
  const actor = findActor(ctx, kind, requiredString(body, kind.idField));
  return checkResult(ctx, kind, actor, resolvedFullConfiguration(ctx, kind, actor, body), actor.id);
}

function routesFor(kind: ActorKind): RouteTable {
  const family = kind.listField;
  const bind = (handler: (ctx: Context, kind: ActorKind, body: JsonObject) => Reply) => (ctx: Context, body: JsonObject) => handler(ctx, kind, body);
  return {
    [`${family}/create`]: { handler: bind(create), write: true },
    [`${family}/update`]: { handler: bind(update), write: true },
    [`${family}/partial_update`]: { handler: bind(partialUpdate), write: true },
    [`${family}/get`]: { handler: bind(get), write: false },
    [`${family}/list`]: { handler: bind(listActors), write: false },
    [`${family}/delete`]: { handler: bind(remove), write: true },
    [`${family}/check_connection`]: { handler: bind(check), write: false },
    [`${family}/check_connection_for_update`]: { handler: bind(checkForUpdate), write: false },
  };
}

export const actorRoutes: RouteTable = { ...routesFor(SOURCE), ...routesFor(DESTINATION) };
