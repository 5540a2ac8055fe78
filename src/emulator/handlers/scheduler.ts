/**
 * scheduler/sources/check_connection and scheduler/destinations/check_connection: the check for a configuration
 * that is not stored yet (a source or destination about to be created), as `apply --check` needs before any write.
 * The body is a SourceCoreConfig / DestinationCoreConfig {definitionId, connectionConfiguration, workspaceId}.
 */
import type { Json, JsonObject } from '../../api/types.js';
import { definitionOf } from '../catalog.js';
import { validateConfiguration } from '../config.js';
import { badRequest } from '../errors.js';
import { requireFields, requiredString } from '../request.js';
import { ok, type Context, type Reply, type RouteTable } from '../types.js';
import { DESTINATION, SOURCE, type ActorKind } from './actor-kind.js';
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

/** Nothing is stored, so these are not writes. */
export const schedulerRoutes: RouteTable = {
  'scheduler/sources/check_connection': { handler: (ctx, body) => checkCoreConfig(ctx, SOURCE, body), write: false },
  'scheduler/destinations/check_connection': { handler: (ctx, body) => checkCoreConfig(ctx, DESTINATION, body), write: false },
};
