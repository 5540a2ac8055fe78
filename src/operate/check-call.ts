/**
 * Making one connection check and reading its answer: shared by `check` (every declared resource) and
 * `apply --check` (what apply will create, replace or update), so both send the same bodies and word a failure
 * the same way.
 */
import type { CheckConnectionRead, DestinationUpdate, JsonObject, SourceUpdate } from '../api/types.js';
import type { ActorKind } from '../model/desired.js';

/** The API call a check used (`scheduler/check_connection`: for a configuration Airbyte does not hold yet). */
export type CheckCall = 'check_connection' | 'check_connection_for_update' | 'scheduler/check_connection';

/**
 * One check to make. `check_connection_for_update` replaces the whole stored configuration for the check, as
 * `sources/update` does for good: `configuration` must be what apply would send (preserved keys included).
 */
export type CheckRequest = { kind: ActorKind; name: string } & (
  | { call: 'check_connection'; id: string }
  | { call: 'check_connection_for_update'; id: string; configuration: JsonObject }
  | { call: 'scheduler/check_connection'; definitionId: string; workspaceId: string; configuration: JsonObject }
);

/** The check calls; `AirbyteClient` has them (structural typing keeps callers testable with a fake). */
export interface CheckClient {
  checkSource(sourceId: string, resource?: string): Promise<CheckConnectionRead>;
  checkDestination(destinationId: string, resource?: string): Promise<CheckConnectionRead>;
  checkSourceUpdate(body: SourceUpdate, resource?: string): Promise<CheckConnectionRead>;
  checkDestinationUpdate(body: DestinationUpdate, resource?: string): Promise<CheckConnectionRead>;
  checkNewSource(
    body: { sourceDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject },
    resource?: string,
  ): Promise<CheckConnectionRead>;
  checkNewDestination(
    body: { destinationDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject },
    resource?: string,
  ): Promise<CheckConnectionRead>;
}

/** What a check found; `message` is the server's and not redacted yet. */
export interface CheckOutcome {
  status: 'succeeded' | 'failed';
  message: string;
}

/** The outcome of a check answer: HTTP 200 even when it failed; no status at all when the job itself errored. */
export function outcome(read: CheckConnectionRead): CheckOutcome {
  if (read.status === 'succeeded') return { status: 'succeeded', message: read.message ?? '' };
  if (read.status === 'failed') return { status: 'failed', message: read.message ?? 'the check failed without a message' };
  return { status: 'failed', message: read.jobInfo.failureReason?.externalMessage ?? 'the check job failed without a message' };
}

function send(client: CheckClient, request: CheckRequest): Promise<CheckConnectionRead> {
  const resource = `${request.kind} '${request.name}'`;
  const source = request.kind === 'source';
  switch (request.call) {
    case 'check_connection':
      return source ? client.checkSource(request.id, resource) : client.checkDestination(request.id, resource);
    case 'check_connection_for_update': {
      const { id, name, configuration: connectionConfiguration } = request;
      return source
        ? client.checkSourceUpdate({ sourceId: id, name, connectionConfiguration }, resource)
        : client.checkDestinationUpdate({ destinationId: id, name, connectionConfiguration }, resource);
    }
    case 'scheduler/check_connection': {
      const { definitionId, workspaceId, configuration: connectionConfiguration } = request;
      return source
        ? client.checkNewSource({ sourceDefinitionId: definitionId, workspaceId, connectionConfiguration }, resource)
        : client.checkNewDestination({ destinationDefinitionId: definitionId, workspaceId, connectionConfiguration }, resource);
    }
  }
}

/** Makes the check; the client's errors (HTTP, network) propagate for the caller to report its own way. */
export async function runCheck(client: CheckClient, request: CheckRequest): Promise<CheckOutcome> {
  return outcome(await send(client, request));
}
