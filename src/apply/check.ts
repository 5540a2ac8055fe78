/**
 * `apply --check`: before any write, run the connector check for every source and destination that will be
 * created or updated, with the configuration apply would send. Existing ones use `check_connection_for_update`
 * (a full replacement, like the update: the preserved keys go along); new and replaced ones the scheduler
 * endpoint. Any failure stops the run before anything is written. The calls and the reading of their answers are
 * `check`'s (operate/check-call.ts).
 */
import { GitopsError } from '../errors.js';
import { runCheck, type CheckClient, type CheckRequest } from '../operate/check-call.js';
import { mapLimit } from '../util/pool.js';
import type { ActorChange, Plan } from '../plan/types.js';
import { redact } from '../secrets/redact.js';
import { revealSecrets } from '../secrets/seal.js';

export type { CheckClient } from '../operate/check-call.js';

/** The check apply's change calls for, with the configuration apply sends; undefined when it declares none. */
export function checkRequestFor(change: ActorChange, workspaceId: string): CheckRequest | undefined {
  if (!change.desired?.configuration) return undefined;
  // The check is sent to Airbyte with the values apply would send.
  const configuration = revealSecrets(change.desired.configuration);
  const named = { kind: change.kind, name: change.name };
  if (change.action === 'update' && change.id) {
    // The same body as the update itself (adapters.ts): stored keys the pipeline does not set, then the pipeline's.
    return { ...named, call: 'check_connection_for_update', id: change.id, configuration: { ...change.preserved, ...configuration } };
  }
  return { ...named, call: 'scheduler/check_connection', definitionId: change.definitionId, workspaceId, configuration };
}

/** The sources and destinations `--check` checks: those created, replaced or updated. */
function actorsToCheck(plan: Plan): ActorChange[] {
  return plan.changes.filter((change): change is ActorChange => change.kind !== 'connection' && ['create', 'replace', 'update'].includes(change.action));
}

/** Runs every check (a few at a time); throws CHECK_FAILED naming each failure with the server's message. */
export async function checkConnections(client: CheckClient, plan: Plan, secrets: readonly string[], parallelism: number): Promise<number> {
  const changes = actorsToCheck(plan);
  const failures: string[] = [];
  await mapLimit(changes, Math.max(1, parallelism), async (change) => {
    const request = checkRequestFor(change, plan.workspace.workspaceId);
    if (request === undefined) return;
    const result = await runCheck(client, request);
    if (result.status === 'failed') failures.push(`${change.kind} '${change.name}': ${redact(result.message, secrets)}`);
  });
  if (failures.length > 0) {
    throw new GitopsError('CHECK_FAILED', 'connection check failed; nothing was changed in Airbyte:', {
      details: failures.sort(),
      meta: { failures },
      hint: 'fix the configuration (or the variable it comes from) and run apply again.',
    });
  }
  return changes.length;
}
