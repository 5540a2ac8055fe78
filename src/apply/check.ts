/**
 * `apply --check`: before any write, run the connector check for every source and destination that will be
 * created or updated, with the configuration apply would send. Existing ones use `check_connection_for_update`;
 * new ones the scheduler endpoint. Any failure stops the run before anything is written.
 */
import type { CheckConnectionRead, JsonObject } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { ActorChange, Plan } from '../plan/types.js';
import { redactText } from './secrets.js';

/** The check calls `--check` makes; `AirbyteClient` has them. */
export interface CheckClient {
  checkSourceUpdate(body: { sourceId: string; name: string; connectionConfiguration: JsonObject }): Promise<CheckConnectionRead>;
  checkDestinationUpdate(body: { destinationId: string; name: string; connectionConfiguration: JsonObject }): Promise<CheckConnectionRead>;
  checkNewSource(body: { sourceDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject }, resource?: string): Promise<CheckConnectionRead>;
  checkNewDestination(body: { destinationDefinitionId: string; workspaceId: string; connectionConfiguration: JsonObject }, resource?: string): Promise<CheckConnectionRead>;
}

/** One check's outcome: undefined when it passed, else the message. */
async function checkOne(client: CheckClient, change: ActorChange, workspaceId: string): Promise<string | undefined> {
  const configuration = change.desired?.configuration;
  if (!configuration) return undefined;
  const resource = `${change.kind} '${change.name}'`;
  const existing = change.action === 'update' ? change.id : null;
  let read: CheckConnectionRead;
  if (change.kind === 'source') {
    read = existing
      ? await client.checkSourceUpdate({ sourceId: existing, name: change.name, connectionConfiguration: configuration })
      : await client.checkNewSource({ sourceDefinitionId: change.definitionId, workspaceId, connectionConfiguration: configuration }, resource);
  } else {
    read = existing
      ? await client.checkDestinationUpdate({ destinationId: existing, name: change.name, connectionConfiguration: configuration })
      : await client.checkNewDestination({ destinationDefinitionId: change.definitionId, workspaceId, connectionConfiguration: configuration }, resource);
  }
  if (read.status === 'succeeded') return undefined;
  return read.message ?? read.jobInfo.failureReason?.externalMessage ?? 'the check job failed without a message';
}

/** The sources and destinations `--check` checks: those created, replaced or updated. */
export function actorsToCheck(plan: Plan): ActorChange[] {
  return plan.changes.filter(
    (change): change is ActorChange => change.kind !== 'connection' && ['create', 'replace', 'update'].includes(change.action),
  );
}

/** Runs every check (a few at a time); throws CHECK_FAILED naming each failure with the server's message. */
export async function checkConnections(client: CheckClient, plan: Plan, secrets: readonly string[], parallelism: number): Promise<number> {
  const queue = actorsToCheck(plan);
  const failures: string[] = [];
  const worker = async () => {
    for (let change = queue.shift(); change; change = queue.shift()) {
      const message = await checkOne(client, change, plan.workspace.workspaceId);
      if (message !== undefined) failures.push(`${change.kind} '${change.name}': ${redactText(message, secrets)}`);
    }
  };
  const total = queue.length;
  await Promise.all(Array.from({ length: Math.min(Math.max(1, parallelism), Math.max(1, total)) }, worker));
  if (failures.length > 0) {
    throw new GitopsError('CHECK_FAILED', `connection check failed; nothing was changed in Airbyte:\n  ${failures.sort().join('\n  ')}`, {
      meta: { failures },
      hint: 'fix the configuration (or the variable it comes from) and run apply again.',
    });
  }
  return total;
}
