/**
 * `check`: test the connection of every source and destination the pipeline declares, in parallel. A resource
 * whose desired configuration differs from Airbyte's (or sets secrets, which Airbyte cannot compare) is checked
 * with `check_connection_for_update` and the desired configuration, so a wrong password in a pull request is
 * found before apply; an unchanged one with `check_connection`. One not created yet, or one whose definition changes
 * (apply replaces it), is checked with `scheduler/{sources,destinations}/check_connection`: the definition and the
 * desired configuration, with nothing stored.
 */
import type { CheckConnectionRead, JsonObject } from '../api/types.js';
import type { AirbyteClient } from '../client/index.js';
import { secretPaths, secretValues } from '../connectors/secrets.js';
import { GitopsError } from '../errors.js';
import type { DesiredActor, DesiredPipeline } from '../model/desired.js';
import { formatProblem } from '../model/problem.js';
import type { RemoteActor, RemoteState } from '../model/remote.js';
import { checkConfiguration, resolveDefinition } from '../plan/checks/index.js';
import { compareConfiguration } from '../plan/diff/config.js';
import { didYouMean } from '../util/suggest.js';
import { mapBounded } from './parallel.js';

/** The API call a check used (`scheduler/check_connection`: for a configuration Airbyte does not hold yet). */
export type CheckCall = 'check_connection' | 'check_connection_for_update' | 'scheduler/check_connection';

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

/** What deciding about one resource gives: a row right away, or the call to make. */
type Decision =
  | { row: Omit<CheckRow, 'durationSeconds'> }
  | { call: 'check_connection'; id: string }
  | { call: 'check_connection_for_update'; id: string; configuration: JsonObject }
  | { call: 'scheduler/check_connection'; definitionId: string; workspaceId: string; configuration: JsonObject; note: string };

type CallDecision = Exclude<Decision, { row: unknown }>;

const row = (actor: DesiredActor, status: CheckRow['status'], message: string): Decision => ({
  row: { kind: actor.kind, name: actor.name, status, call: null, message },
});

function existingOf(actor: DesiredActor, remote: RemoteState): RemoteActor | undefined {
  const remotes = actor.kind === 'source' ? remote.sources : remote.destinations;
  return remotes.find((r) => r.name === actor.name) ?? remotes.find((r) => actor.previousNames.includes(r.name));
}

/** Decides how to check one declared resource; registers its secret values with the client for redaction. */
export function decide(actor: DesiredActor, remote: RemoteState, addSecrets: (values: string[]) => void): Decision {
  const existing = existingOf(actor, remote);
  if (actor.definition === undefined) {
    if (existing !== undefined) return { call: 'check_connection', id: existing.id };
    const names = (actor.kind === 'source' ? remote.sources : remote.destinations).map((r) => r.name);
    return row(actor, 'failed', `does not exist in workspace '${remote.workspace.name}'${didYouMean(actor.name, names)}`);
  }
  const resolution = resolveDefinition(actor.kind, actor.definition, remote.definitions);
  if ('error' in resolution) return row(actor, 'failed', resolution.error);
  const spec = remote.specs[resolution.definitionId];
  if (spec === undefined) return row(actor, 'failed', `no connector specification was read for definition '${resolution.definition.name}'`);
  const { configuration, problems } = checkConfiguration(actor, spec);
  const secrets = secretPaths(spec.connectionSpecification);
  const secretSet = secretValues(configuration, secrets);
  addSecrets(secretSet.map(({ value }) => value).filter((value): value is string => typeof value === 'string' && value !== ''));
  const errors = problems.filter((problem) => problem.severity === 'error');
  const [first] = errors;
  if (first !== undefined) return row(actor, 'failed', formatProblem(first) + (errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''));
  if (actor.configuration === undefined) return row(actor, 'skipped', 'declares no configuration to check');
  if (existing === undefined || existing.definitionId !== resolution.definitionId) {
    const note = existing === undefined ? 'not created yet' : 'its definition changes: apply replaces it';
    return { call: 'scheduler/check_connection', definitionId: resolution.definitionId, workspaceId: remote.workspace.workspaceId, configuration, note };
  }
  const changed = compareConfiguration(configuration, existing.configuration, spec.connectionSpecification, secrets).length > 0;
  if (changed || secretSet.length > 0) return { call: 'check_connection_for_update', id: existing.id, configuration };
  return { call: 'check_connection', id: existing.id };
}

/** Replaces every known secret value in a server message (a connector may echo its configuration). */
export function redact(message: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((text, secret) => text.split(secret).join('(sensitive)'), message);
}

/** The outcome of a check answer: HTTP 200 even when it failed; no status at all when the job itself errored. */
export function outcome(read: CheckConnectionRead): { status: 'succeeded' | 'failed'; message: string } {
  if (read.status === 'succeeded') return { status: 'succeeded', message: read.message ?? '' };
  if (read.status === 'failed') return { status: 'failed', message: read.message ?? 'the check failed without a message' };
  return { status: 'failed', message: read.jobInfo.failureReason?.externalMessage ?? 'the check job failed without a message' };
}

function send(client: AirbyteClient, actor: DesiredActor, decision: CallDecision): Promise<CheckConnectionRead> {
  const resource = `${actor.kind} '${actor.name}'`;
  const source = actor.kind === 'source';
  switch (decision.call) {
    case 'check_connection':
      return source ? client.checkSource(decision.id, resource) : client.checkDestination(decision.id, resource);
    case 'check_connection_for_update': {
      const { id, configuration: connectionConfiguration } = decision;
      return source
        ? client.checkSourceUpdate({ sourceId: id, name: actor.name, connectionConfiguration }, resource)
        : client.checkDestinationUpdate({ destinationId: id, name: actor.name, connectionConfiguration }, resource);
    }
    case 'scheduler/check_connection': {
      const { definitionId, workspaceId, configuration: connectionConfiguration } = decision;
      return source
        ? client.checkNewSource({ sourceDefinitionId: definitionId, workspaceId, connectionConfiguration }, resource)
        : client.checkNewDestination({ destinationDefinitionId: definitionId, workspaceId, connectionConfiguration }, resource);
    }
  }
}

async function checkOne(client: AirbyteClient, actor: DesiredActor, remote: RemoteState, secrets: string[]): Promise<CheckRow> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  const decision = decide(actor, remote, (values) => {
    secrets.push(...values);
    client.addSecrets(values);
  });
  if ('row' in decision) return { ...decision.row, durationSeconds: 0 };
  const base = { kind: actor.kind, name: actor.name, call: decision.call };
  // The table shows no call column, so say why a resource was checked without its stored configuration.
  const noted = (message: string) => redact(message, secrets) + ('note' in decision ? ` (${decision.note})` : '');
  try {
    const result = outcome(await send(client, actor, decision));
    return { ...base, status: result.status, message: noted(result.message), durationSeconds: seconds() };
  } catch (error) {
    if (!(error instanceof GitopsError)) throw error;
    return { ...base, status: 'failed', message: noted(error.message), durationSeconds: seconds() };
  }
}

/** Checks every declared source and destination, at most CHECK_PARALLELISM at a time; rows in pipeline order. */
export function runChecks(client: AirbyteClient, pipeline: DesiredPipeline, remote: RemoteState): Promise<CheckRow[]> {
  const secrets: string[] = [];
  return mapBounded([...pipeline.sources, ...pipeline.destinations], CHECK_PARALLELISM, (actor) => checkOne(client, actor, remote, secrets));
}
