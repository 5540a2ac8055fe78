/** source_definitions/*, destination_definitions/* and the two *_definition_specifications/get endpoints. */
import type { Json, JsonObject } from '../../api/types.js';
import { destinationDefinition, sourceDefinition } from '../catalog.js';
import type { ConnectorDefinition } from '../connectors/types.js';
import { requiredString } from '../request.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { synchronousJob } from './synchronous-job.js';
import { workspaceOrThrow } from './workspaces.js';

function commonRead(definition: ConnectorDefinition): JsonObject {
  return {
    name: definition.name,
    dockerRepository: definition.dockerRepository,
    dockerImageTag: definition.dockerImageTag,
    documentationUrl: definition.documentationUrl,
    protocolVersion: '0.2.0',
    custom: false,
    supportLevel: definition.supportLevel,
    releaseStage: definition.releaseStage,
  };
}

function sourceDefinitionRead(definition: ConnectorDefinition): JsonObject {
  return {
    sourceDefinitionId: definition.definitionId,
    ...commonRead(definition),
    ...(definition.sourceType ? { sourceType: definition.sourceType } : {}),
  };
}

function destinationDefinitionRead(definition: ConnectorDefinition): JsonObject {
  return { destinationDefinitionId: definition.definitionId, ...commonRead(definition) };
}

function ofKind(ctx: Context, kind: 'source' | 'destination'): ConnectorDefinition[] {
  return ctx.definitions.filter((definition) => definition.kind === kind);
}

function listSources(ctx: Context): Reply {
  return ok({ sourceDefinitions: ofKind(ctx, 'source').map(sourceDefinitionRead) });
}
function listSourcesForWorkspace(ctx: Context, body: JsonObject): Reply {
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  return listSources(ctx);
}
function getSource(ctx: Context, body: JsonObject): Reply {
  return ok(sourceDefinitionRead(sourceDefinition(ctx, requiredString(body, 'sourceDefinitionId'))));
}
function listDestinations(ctx: Context): Reply {
  return ok({ destinationDefinitions: ofKind(ctx, 'destination').map(destinationDefinitionRead) });
}
function listDestinationsForWorkspace(ctx: Context, body: JsonObject): Reply {
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  return listDestinations(ctx);
}
function getDestination(ctx: Context, body: JsonObject): Reply {
  return ok(destinationDefinitionRead(destinationDefinition(ctx, requiredString(body, 'destinationDefinitionId'))));
}

function specification(definition: ConnectorDefinition): JsonObject {
  return {
    jobInfo: synchronousJob('get_spec', undefined, []) as unknown as Json,
    documentationUrl: definition.documentationUrl,
    connectionSpecification: definition.connectionSpecification,
  };
}

function sourceSpecification(ctx: Context, body: JsonObject): Reply {
  const definition = sourceDefinition(ctx, requiredString(body, 'sourceDefinitionId'));
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  return ok({ sourceDefinitionId: definition.definitionId, ...specification(definition) });
}

function destinationSpecification(ctx: Context, body: JsonObject): Reply {
  const definition = destinationDefinition(ctx, requiredString(body, 'destinationDefinitionId'));
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  return ok({
    destinationDefinitionId: definition.definitionId,
    ...specification(definition),
    supportedDestinationSyncModes: definition.supportedDestinationSyncModes ?? [],
  });
}

export const definitionRoutes: RouteTable = {
  'source_definitions/list': { handler: listSources, write: false },
  'source_definitions/list_for_workspace': { handler: listSourcesForWorkspace, write: false },
  'source_definitions/get': { handler: getSource, write: false },
  'destination_definitions/list': { handler: listDestinations, write: false },
  'destination_definitions/list_for_workspace': { handler: listDestinationsForWorkspace, write: false },
  'destination_definitions/get': { handler: getDestination, write: false },
  'source_definition_specifications/get': { handler: sourceSpecification, write: false },
  'destination_definition_specifications/get': { handler: destinationSpecification, write: false },
};
