/**
 * From files to a plan: load the pipeline, fetch Airbyte's state with list calls, check every configuration and
 * stream against the live connector specs and catalogs, then diff. Problems (in the YAML or found against the
 * server) are collected and raised together before anything could be written.
 */
import type { AirbyteStreamAndConfiguration, DestinationSyncMode } from '../api/types.js';
import { GitopsError } from '../errors.js';
import type { DesiredActor, DesiredConnection, DesiredPipeline } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { RemoteActor, RemoteState } from '../model/remote.js';
import { loadPipeline } from '../pipeline/load.js';
import { didYouMean } from '../util/suggest.js';
import { checkConfiguration, checkStreams, resolveDefinition } from './checks/index.js';
import { diff } from './diff/index.js';
import { fetchRemoteState, type StateReader } from './fetch.js';
import type { DiffOptions, Plan } from './types.js';

/** What `prepare` hands on: the checked pipeline (configurations coerced), Airbyte's state, the plan. */
export interface Prepared {
  desired: DesiredPipeline;
  remote: RemoteState;
  plan: Plan;
  /** Warnings from loading and checking; errors never get this far. */
  warnings: Problem[];
}

/** Raised with every problem, so the CLI can print them all (file:line:col). */
export function specError(problems: Problem[], offline = false): GitopsError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const nothingDone = offline ? '' : '; nothing was changed in Airbyte';
  return new GitopsError('SPEC_INVALID', `the pipeline has ${errors.length} error${errors.length === 1 ? '' : 's'}${nothingDone}`, {
    problems,
  });
}

/** Loads the files; throws SPEC_INVALID with every problem when one is an error (`offline`: for commands that never talk to Airbyte). */
export function loadOrThrow(paths: string[], env: NodeJS.ProcessEnv, offline = false): { pipeline: DesiredPipeline; warnings: Problem[] } {
  const { pipeline, problems } = loadPipeline(paths, env);
  if (problems.some((problem) => problem.severity === 'error')) throw specError(problems, offline);
  return { pipeline, warnings: problems };
}

function at(loc: { file: string; line: number; col: number } | undefined, message: string): Problem {
  return loc ? { severity: 'error', file: loc.file, line: loc.line, col: loc.col, message } : { severity: 'error', message };
}

/** Checks one actor against its live spec; returns the actor with its configuration coerced. */
function checkActor(actor: DesiredActor, remote: RemoteState, problems: Problem[]): DesiredActor {
  const existing = (actor.kind === 'source' ? remote.sources : remote.destinations).filter((r) => r.name === actor.name);
  if (actor.definition === undefined) {
    if (existing.length === 0) {
      const names = (actor.kind === 'source' ? remote.sources : remote.destinations).map((r) => r.name);
      problems.push(
        at(
          actor.loc,
          `${actor.kind} '${actor.name}' is referenced by name but does not exist in workspace '${remote.workspace.name}'${didYouMean(actor.name, names)}; declare it with a definition and configuration, or create it first`,
        ),
      );
    }
    return actor;
  }
  const resolved = resolveDefinition(actor.kind, actor.definition, remote.definitions);
  if ('error' in resolved) {
    problems.push(at(actor.definitionLoc ?? actor.loc, `${actor.kind} '${actor.name}': ${resolved.error}`));
    return actor;
  }
  const spec = remote.specs[resolved.definitionId];
  if (!spec) return actor;
  const checked = checkConfiguration(actor, spec, resolved.definition.name);
  problems.push(...checked.problems);
  return { ...actor, configuration: checked.configuration };
}

/** The remote source a connection will read from, unless it is created or replaced by this apply. */
function existingSource(connection: DesiredConnection, desired: DesiredPipeline, remote: RemoteState): RemoteActor | undefined {
  const declared = desired.sources.find((s) => s.name === connection.source);
  const candidates = remote.sources.filter((s) => s.name === connection.source || (declared?.previousNames ?? []).includes(s.name));
  const source = candidates.find((s) => s.name === connection.source) ?? candidates[0];
  if (!source || declared?.definition === undefined) return source;
  const resolved = resolveDefinition('source', declared.definition, remote.definitions);
  return 'definitionId' in resolved && resolved.definitionId === source.definitionId ? source : undefined;
}

/** Streams known for a connection's source: the stored catalog's (with their metadata) and any discovered ones. */
function availableStreams(connection: DesiredConnection, desired: DesiredPipeline, remote: RemoteState): AirbyteStreamAndConfiguration[] | 'unknown' {
  const source = existingSource(connection, desired, remote);
  if (!source) return 'unknown';
  const key = (s: AirbyteStreamAndConfiguration) => `${s.stream.namespace ?? ''}\u0000${s.stream.name}`;
  const streams = new Map<string, AirbyteStreamAndConfiguration>();
  for (const stored of remote.connections.filter((c) => c.sourceId === source.id)) {
    for (const stream of stored.syncCatalog.streams) streams.set(key(stream), stream);
  }
  for (const stream of remote.discovered[source.id]?.streams ?? []) streams.set(key(stream), stream);
  return [...streams.values()];
}

function destinationModes(connection: DesiredConnection, desired: DesiredPipeline, remote: RemoteState): DestinationSyncMode[] | undefined {
  const declared = desired.destinations.find((d) => d.name === connection.destination);
  let definitionId: string | undefined;
  if (declared?.definition !== undefined) {
    const resolved = resolveDefinition('destination', declared.definition, remote.definitions);
    if ('definitionId' in resolved) definitionId = resolved.definitionId;
  } else {
    definitionId = remote.destinations.find((d) => d.name === connection.destination)?.definitionId;
  }
  return definitionId === undefined ? undefined : remote.specs[definitionId]?.supportedDestinationSyncModes;
}

/** Checks the whole pipeline against the server; returns it with coerced configurations, or throws SPEC_INVALID. */
function checkAgainstServer(desired: DesiredPipeline, remote: RemoteState): { checked: DesiredPipeline; warnings: Problem[] } {
  const problems: Problem[] = [];
  const checked: DesiredPipeline = {
    ...desired,
    sources: desired.sources.map((actor) => checkActor(actor, remote, problems)),
    destinations: desired.destinations.map((actor) => checkActor(actor, remote, problems)),
  };
  for (const connection of desired.connections) {
    problems.push(...checkStreams(connection, availableStreams(connection, desired, remote), destinationModes(connection, desired, remote)));
  }
  if (problems.some((problem) => problem.severity === 'error')) throw specError(problems);
  return { checked, warnings: problems };
}

export interface PrepareOptions extends DiffOptions {
  paths: string[];
  env: NodeJS.ProcessEnv;
  /** Workspace from the flag / env var; wins over the pipeline's `workspace:`. */
  workspace?: string;
}

/** Load → fetch → check → diff. Throws SPEC_INVALID (all problems), or the client's errors. */
export async function prepare(reader: StateReader, options: PrepareOptions): Promise<Prepared> {
  const loaded = loadOrThrow(options.paths, options.env);
  const remote = await fetchRemoteState(reader, loaded.pipeline, options.workspace ?? loaded.pipeline.workspace);
  const { checked, warnings } = checkAgainstServer(loaded.pipeline, remote);
  const plan = diff(checked, remote, { ...(options.prune ? { prune: true } : {}), ...(options.rotateSecrets ? { rotateSecrets: true } : {}) });
  return { desired: checked, remote, plan, warnings: [...loaded.warnings, ...warnings] };
}
