/**
 * `check`: test the connection of every source and destination the pipeline declares, in parallel. A resource
 * whose desired configuration differs from Airbyte's (or sets secrets, which Airbyte cannot compare) is checked
 * with `check_connection_for_update` and the configuration apply would send (the desired one over the stored keys
 * it does not set), so a wrong password in a pull request is found before apply; an unchanged one with
 * `check_connection`. One not created yet, or one whose definition changes (apply replaces it), is checked with
 * `scheduler/{sources,destinations}/check_connection`: the definition and the desired configuration, with nothing
 * stored.
 */
import type { JsonObject } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { secretPaths, secretValues } from '../secrets/paths.js';
import { GitopsError } from '../errors.js';
import type { DesiredActor, DesiredPipeline } from '../model/desired.js';
import { formatProblem } from '../model/problem.js';
import type { ConnectorSpec, RemoteActor } from '../model/remote.js';
import { checkConfiguration, resolveDefinition } from '../plan/checks/index.js';
import { compareConfiguration } from '../plan/diff/config.js';
import { preservedKeys } from '../plan/diff/preserve.js';
import { redact } from '../secrets/redact.js';
import { didYouMean } from '../util/suggest.js';
import { runCheck, type CheckCall, type CheckRequest } from './check-call.js';
import type { CheckState } from './check-state.js';
import { mapLimit } from '../util/pool.js';

export type { CheckCall } from './check-call.js';

/** One row of `check`; also its --json shape. */
export interface CheckRow {
  kind: 'source' | 'destination';
  name: string;
  status: 'succeeded' | 'failed' | 'skipped';
  call: CheckCall | null;
  message: string;
  durationSeconds: number;
}

/** How many checks run at once: each one is a connector job on the server. */
export const CHECK_PARALLELISM = 8;

/** What deciding about one resource gives: a row right away, or the check to make (`note`: why it is not the stored configuration). */
export type Decision = { row: Omit<CheckRow, 'durationSeconds'> } | { request: CheckRequest; note?: string };

const row = (actor: DesiredActor, status: CheckRow['status'], message: string): Decision => ({
  row: { kind: actor.kind, name: actor.name, status, call: null, message },
});

function existingOf(actor: DesiredActor, state: CheckState): RemoteActor | undefined {
  const remotes = actor.kind === 'source' ? state.sources : state.destinations;
  return remotes.find((r) => r.name === actor.name) ?? remotes.find((r) => actor.previousNames.includes(r.name));
}

/**
 * The check of a resource that exists with the same definition. A changed configuration (or one that sets secrets,
 * which Airbyte cannot compare) is checked as apply would store it: check_connection_for_update replaces the whole
 * configuration, so the stored keys the pipeline does not set go along, as apply sends them.
 */
function existingCheck(actor: DesiredActor, existing: RemoteActor, configuration: JsonObject, spec: ConnectorSpec): CheckRequest {
  const secrets = secretPaths(spec.connectionSpecification);
  const base = { kind: actor.kind, name: actor.name, id: existing.id };
  const changed = compareConfiguration(configuration, existing.configuration, spec.connectionSpecification, secrets).length > 0;
  if (!changed && secretValues(configuration, secrets).length === 0) return { ...base, call: 'check_connection' };
  return { ...base, call: 'check_connection_for_update', configuration: { ...preservedKeys(configuration, existing.configuration), ...configuration } };
}

/** Decides how to check one declared resource; registers its secret values with the client for redaction. */
export function decide(actor: DesiredActor, state: CheckState, addSecrets: (values: string[]) => void): Decision {
  const existing = existingOf(actor, state);
  const named = { kind: actor.kind, name: actor.name };
  if (actor.definition === undefined) {
    if (existing !== undefined) return { request: { ...named, call: 'check_connection', id: existing.id } };
    const names = (actor.kind === 'source' ? state.sources : state.destinations).map((r) => r.name);
    return row(actor, 'failed', `does not exist in workspace '${state.workspace.name}'${didYouMean(actor.name, names)}`);
  }
  const resolution = resolveDefinition(actor.kind, actor.definition, state.definitions);
  if ('error' in resolution) return row(actor, 'failed', resolution.error);
  const spec = state.specs[resolution.definitionId];
  if (spec === undefined) return row(actor, 'failed', `no connector specification was read for definition '${resolution.definition.name}'`);
  const { configuration, problems } = checkConfiguration(actor, spec);
  const secretSet = secretValues(configuration, secretPaths(spec.connectionSpecification));
  addSecrets(secretSet.map(({ value }) => value).filter((value): value is string => typeof value === 'string' && value !== ''));
  const errors = problems.filter((problem) => problem.severity === 'error');
  const [first] = errors;
  if (first !== undefined) return row(actor, 'failed', formatProblem(first) + (errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''));
  if (actor.configuration === undefined) return row(actor, 'skipped', 'declares no configuration to check');
  if (existing === undefined || existing.definitionId !== resolution.definitionId) {
    const note = existing === undefined ? 'not created yet' : 'its definition changes: apply replaces it';
    const { definitionId } = resolution;
    return { request: { ...named, call: 'scheduler/check_connection', definitionId, workspaceId: state.workspace.workspaceId, configuration }, note };
  }
  return { request: existingCheck(actor, existing, configuration, spec) };
}

async function checkOne(client: AirbyteClient, actor: DesiredActor, state: CheckState, secrets: string[]): Promise<CheckRow> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  // A check's answer can only quote this resource's own configuration: redact its secrets (redacting every
  // resource's would also hide ordinary words that happen to equal another resource's password).
  const own: string[] = [];
  const decision = decide(actor, state, (values) => {
    own.push(...values);
    secrets.push(...values);
    client.addSecrets(values);
  });
  if ('row' in decision) return { ...decision.row, durationSeconds: 0 };
  const base = { kind: actor.kind, name: actor.name, call: decision.request.call };
  // The table shows no call column, so say why a resource was checked without its stored configuration.
  const noted = (message: string) => redact(message, own) + (decision.note === undefined ? '' : ` (${decision.note})`);
  try {
    const result = await runCheck(client, decision.request);
    return { ...base, status: result.status, message: noted(result.message), durationSeconds: seconds() };
  } catch (error) {
    // A failed call (HTTP, network) fails this row only; the client already redacted its message.
    if (!(error instanceof GitopsError)) throw error;
    return { ...base, status: 'failed', message: noted(error.message), durationSeconds: seconds() };
  }
}

/** Checks every declared source and destination, at most CHECK_PARALLELISM at a time; rows in pipeline order. */
export function runChecks(client: AirbyteClient, pipeline: DesiredPipeline, state: CheckState): Promise<CheckRow[]> {
  const secrets: string[] = [];
  return mapLimit([...pipeline.sources, ...pipeline.destinations], CHECK_PARALLELISM, (actor) => checkOne(client, actor, state, secrets));
}
