/**
 * Sources and destinations are the same resource with different field names; one descriptor per kind lets a
 * single set of handlers serve both, as the real server's SourceHandler and DestinationHandler mirror each other.
 */
import type { JsonObject } from '../../api/types.js';
import { maskSecrets, secretPaths } from '../../secrets/paths.js';
import { definitionOf } from '../catalog.js';
import { notFound } from '../errors.js';
import type { StoredActor } from '../state.js';
import type { Context } from '../types.js';

/** Field names and config types of one actor kind. */
export interface ActorKind {
  kind: 'source' | 'destination';
  idField: 'sourceId' | 'destinationId';
  definitionIdField: 'sourceDefinitionId' | 'destinationDefinitionId';
  /** The definition's display name in a read (`sourceName` / `destinationName`). */
  definitionNameField: 'sourceName' | 'destinationName';
  listField: 'sources' | 'destinations';
  /** ConfigSchema name in 404 messages. */
  configType: 'SOURCE_CONNECTION' | 'DESTINATION_CONNECTION';
  checkConfigType: 'check_connection_source' | 'check_connection_destination';
}

export const SOURCE: ActorKind = {
  kind: 'source',
  idField: 'sourceId',
  definitionIdField: 'sourceDefinitionId',
  definitionNameField: 'sourceName',
  listField: 'sources',
  configType: 'SOURCE_CONNECTION',
  checkConfigType: 'check_connection_source',
};

export const DESTINATION: ActorKind = {
  kind: 'destination',
  idField: 'destinationId',
  definitionIdField: 'destinationDefinitionId',
  definitionNameField: 'destinationName',
  listField: 'destinations',
  configType: 'DESTINATION_CONNECTION',
  checkConfigType: 'check_connection_destination',
};

/** Every actor of the kind, tombstoned ones included, in creation order. */
export function actorsOf(ctx: Context, kind: ActorKind): IterableIterator<StoredActor> {
  return ctx.store.actors(kind.listField);
}

/** A live actor; tombstoned (deleted) ones answer 404 like unknown ids. */
export function findActor(ctx: Context, kind: ActorKind, id: string): StoredActor {
  const actor = ctx.store.actor(kind.listField, id);
  if (!actor || actor.tombstone) throw notFound(kind.configType, id);
  return actor;
}

/** Secret paths per connector spec, worked out once: every read of an actor masks them. */
const secretPathsBySpec = new WeakMap<JsonObject, ReturnType<typeof secretPaths>>();

function secretPathsOf(spec: JsonObject): ReturnType<typeof secretPaths> {
  let paths = secretPathsBySpec.get(spec);
  if (paths === undefined) {
    paths = secretPaths(spec);
    secretPathsBySpec.set(spec, paths);
  }
  return paths;
}

/**
 * Reads already built, per stored actor and the definition they were built with: a listing of thousands of actors,
 * repeated (apply lists after its creates), would otherwise mask every configuration again. A stored actor is
 * never changed in place (an update stores a new object), and nothing changes a read once built.
 */
const reads = new WeakMap<StoredActor, { definition: object; read: JsonObject }>();

/** The API view: every `airbyte_secret` path present in the configuration reads as the mask. */
export function actorRead(ctx: Context, kind: ActorKind, actor: StoredActor): JsonObject {
  const definition = definitionOf(ctx, kind.kind, actor.definitionId);
  const cached = reads.get(actor);
  if (cached !== undefined && cached.definition === definition) return cached.read;
  const read = buildRead(kind, actor, definition);
  reads.set(actor, { definition, read });
  return read;
}

function buildRead(kind: ActorKind, actor: StoredActor, definition: ReturnType<typeof definitionOf>): JsonObject {
  return {
    [kind.definitionIdField]: actor.definitionId,
    [kind.idField]: actor.id,
    workspaceId: actor.workspaceId,
    connectionConfiguration: maskSecrets(actor.configuration, secretPathsOf(definition.connectionSpecification)),
    name: actor.name,
    [kind.definitionNameField]: definition.name,
    createdAt: actor.createdAt,
  };
}
