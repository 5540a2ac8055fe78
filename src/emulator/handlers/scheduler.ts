/**
 * scheduler/sources/check_connection and scheduler/destinations/check_connection: the check for a configuration
 * that is not stored yet (a source or destination about to be created), as `apply --check` needs before any write.
 * The body is a SourceCoreConfig / DestinationCoreConfig {definitionId, connectionConfiguration, workspaceId}.
 * scheduler/sources/discover_schema discovers such a configuration's catalog, as `plan` does for a new source.
 */
import { randomUUID } from 'node:crypto';
import type { Json, JsonObject, SynchronousJobRead } from '../../api/types.js';
import { definitionOf, sourceDefinition } from '../catalog.js';
import { validateConfiguration } from '../config.js';
import { ApiError, badRequest, invalidInput } from '../errors.js';
import { requireFields, requiredString } from '../request.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { DESTINATION, SOURCE, type ActorKind } from './actor-kind.js';
import { discoveredForConfiguration } from './discovery.js';
import { synchronousJob } from './synchronous-job.js';
import { workspaceOrThrow } from './workspaces.js';
import { isJsonObject } from '../../util/json.js';

function checkCoreConfig(ctx: Context, kind: ActorKind, body: JsonObject): Reply {
  requireFields(body, [kind.definitionIdField, 'connectionConfiguration', 'workspaceId']);
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  const definition = definitionOf(ctx, kind.kind, requiredString(body, kind.definitionIdField));
  const configuration = body['connectionConfiguration'];
  if (!isJsonObject(configuration)) throw badRequest('connectionConfiguration must be an object');
  validateConfiguration(definition.connectionSpecification, configuration);
  const result = definition.check(structuredClone(configuration));
  const jobInfo = synchronousJob(kind.checkConfigType, undefined, []) as unknown as Json;
  if (result.ok) return ok({ status: 'succeeded', message: 'Connection test succeeded', jobInfo });
  return ok({ status: 'failed', message: result.message, jobInfo });
}

const SPEC_ERRORS_PREFIX = 'The provided configuration does not fulfill the specification. Errors: ';

/** The failed discover job of a connector that refuses its configuration (HTTP 200 all the same). */
function failedDiscovery(message: string, now: number): SynchronousJobRead {
  return {
    ...synchronousJob('discover_schema', undefined, []),
    succeeded: false,
    failureReason: {
      failureOrigin: 'source',
      failureType: 'config_error',
      externalMessage: message,
      internalMessage: message,
      retryable: false,
      timestamp: now,
    },
  };
}

/**
 * The server does not validate the configuration here (SchedulerHandler.discoverSchemaForSourceFromSourceCreate): the
 * connector does, so one that does not fit the spec is a failed job with no catalog, HTTP 200. Nothing is created
 * and the discovery cache is not touched.
 */
function discoverCoreConfig(ctx: Context, body: JsonObject): Reply {
  requireFields(body, ['sourceDefinitionId', 'connectionConfiguration', 'workspaceId']);
  workspaceOrThrow(ctx, requiredString(body, 'workspaceId'));
  const definition = sourceDefinition(ctx, requiredString(body, 'sourceDefinitionId'));
  const configuration = body['connectionConfiguration'];
  if (!isJsonObject(configuration)) throw invalidInput('connectionConfiguration must be an object');
  try {
    validateConfiguration(definition.connectionSpecification, configuration);
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind !== 'invalid-input') throw error;
    const message = `Config validation error: ${error.message.startsWith(SPEC_ERRORS_PREFIX) ? error.message.slice(SPEC_ERRORS_PREFIX.length) : error.message}`;
    return ok({ jobInfo: failedDiscovery(message, ctx.now()) as unknown as Json });
  }
  return ok({
    catalog: discoveredForConfiguration(ctx, definition, configuration) as unknown as Json,
    jobInfo: synchronousJob('discover_schema', undefined, []) as unknown as Json,
    catalogId: randomUUID(),
  });
}

/** Nothing is stored, so these are not writes. */
export const schedulerRoutes: RouteTable = {
  'scheduler/sources/discover_schema': { handler: discoverCoreConfig, write: false },
  'scheduler/sources/check_connection': { handler: (ctx, body) => checkCoreConfig(ctx, SOURCE, body), write: false },
  'scheduler/destinations/check_connection': { handler: (ctx, body) => checkCoreConfig(ctx, DESTINATION, body), write: false },
};
