/**
 * From files to a plan: load the pipeline, fetch Airbyte's state with list calls, check every configuration and
 * stream against the live connector specs and catalogs, then diff. Problems (in the YAML or found against the
 * server) are collected and raised together before anything could be written.
 */
import { GitopsError } from '../errors.js';
import type { DesiredPipeline } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { RemoteState } from '../model/remote.js';
import type { ValidatedPipeline } from '../model/validated.js';
import { loadPipeline } from '../pipeline/load.js';
import { maskOnlyPaths } from '../secrets/paths.js';
import { printable } from '../util/printable.js';
import { withoutAnsweredKeyWarnings } from './checks/keys.js';
import { diff } from './diff/index.js';
import { unsendableMasks } from './diff/preserve.js';
import { discoverNewSources, newSources } from './discover.js';
import { discoveryParallelismFromEnv, fetchRemoteState, type StateReader } from './fetch.js';
import type { DiffOptions, Plan } from './types.js';
import { recheckNewSourceStreams, validate } from './validate.js';

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

/** Checks the whole pipeline against the server; returns what the diff takes, or throws SPEC_INVALID. */
function checkAgainstServer(desired: DesiredPipeline, remote: RemoteState): { validated: ValidatedPipeline; warnings: Problem[] } {
  const { validated, problems } = validate(desired, remote);
  if (problems.some((problem) => problem.severity === 'error')) throw specError(problems);
  return { validated, warnings: problems };
}

export interface PrepareOptions extends DiffOptions {
  paths: string[];
  env: NodeJS.ProcessEnv;
  /** Workspace from the flag / env var; wins over the pipeline's `workspace:`. */
  workspace?: string;
  /**
   * `--no-discover`: do not discover the sources this apply creates; their connections' streams are then checked
   * only at apply time (the plan says so per connection).
   */
  noDiscover?: boolean;
  /** `--refresh`: discover the source of every managed existing connection afresh and show its schema drift. */
  refresh?: boolean;
  /** Progress lines of the plan-time discoveries (the command passes it when stderr is a terminal). */
  onProgress?: (line: string) => void;
}

/**
 * The checks that need the catalogs of the sources this apply creates: those sources are discovered from their
 * checked configurations (so only after the first checks passed), then their connections' streams are checked.
 */
async function checkNewSources(
  reader: StateReader,
  checked: { validated: ValidatedPipeline; warnings: Problem[] },
  remote: RemoteState,
  options: PrepareOptions,
  discoverParallelism: number,
): Promise<{ validated: ValidatedPipeline; warnings: Problem[]; remote: RemoteState }> {
  if (options.noDiscover === true || newSources(checked.validated, remote).length === 0) return { ...checked, remote };
  const discoveredNew = await discoverNewSources(reader, checked.validated, remote, {
    parallelism: discoverParallelism,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const withNew = { ...remote, discoveredNew };
  const rechecked = recheckNewSourceStreams(checked.validated, withNew);
  const warnings = [...checked.warnings, ...rechecked.problems];
  if (rechecked.problems.some((problem) => problem.severity === 'error')) throw specError(warnings);
  return { validated: rechecked.validated, warnings, remote: withNew };
}

/** Load → fetch → check → (discover new sources → check their streams) → diff. Throws SPEC_INVALID (all problems), or the client's errors. */
export async function prepare(reader: StateReader, options: PrepareOptions): Promise<Prepared> {
  const loaded = loadOrThrow(options.paths, options.env);
  // Read once, before the first call: a bad value stops the plan before anything is asked of the server.
  const discoverParallelism = discoveryParallelismFromEnv(options.env);
  const fetched = await fetchRemoteState(reader, loaded.pipeline, options.workspace ?? loaded.pipeline.workspace, {
    discoverParallelism,
    ...(options.refresh ? { refresh: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { validated, warnings, remote } = await checkNewSources(reader, checkAgainstServer(loaded.pipeline, fetched), fetched, options, discoverParallelism);
  const plan = diff(validated, remote, {
    ...(options.prune ? { prune: true } : {}),
    ...(options.rotateSecrets ? { rotateSecrets: true } : {}),
    ...(options.dedupe ? { dedupe: true } : {}),
  });
  // The loader's cursor and primary-key warnings that the catalogs just read answer are dropped.
  const loadWarnings = withoutAnsweredKeyWarnings(loaded.warnings, validated.pipeline, remote);
  const unsendable = unsendableMaskProblems(validated.pipeline, remote, plan);
  if (unsendable.length > 0) throw specError([...loadWarnings, ...warnings, ...unsendable]);
  return { desired: validated.pipeline, remote, plan, warnings: [...loadWarnings, ...warnings, ...duplicateWarnings(validated.pipeline, plan)] };
}

/**
 * An error for each value an update would have to send back as the mask at a field the server masks on read but
 * does not restore on update (its spec's `airbyte_secret` mark is not true, e.g. `false`): the update would store
 * the mask over the real value. The pipeline has to set that value, so the update sends it.
 */
export function unsendableMaskProblems(desired: DesiredPipeline, remote: RemoteState, plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const actors = new Map([...desired.sources, ...desired.destinations].map((actor) => [`${actor.kind}:${actor.name}`, actor]));
  for (const change of plan.changes) {
    if (change.kind === 'connection' || change.action !== 'update') continue;
    const spec = remote.specs[change.definitionId]?.connectionSpecification;
    if (spec === undefined) continue;
    const actor = actors.get(`${change.kind}:${change.name}`);
    const loc = actor?.configurationLoc ?? actor?.loc;
    for (const path of unsendableMasks(change.preserved, maskOnlyPaths(spec))) {
      const field = ['configuration', ...path].join('.');
      const top = path.length > 1 ? `set configuration.${path[0] ?? ''} in the pipeline with its ${path.slice(1).join('.')}` : `set ${field} in the pipeline`;
      problems.push({
        severity: 'error',
        ...(loc === undefined ? {} : { file: loc.file, line: loc.line, col: loc.col }),
        message:
          `${change.kind} '${printable(change.name)}': ${field} is stored in Airbyte, which shows it masked (its spec's airbyte_secret mark is not true) ` +
          `but would store the mask this update sends back for it as its new value: ${top} (e.g. as \${VAR}) so the update sends the real value`,
      });
    }
  }
  return problems;
}

/** One warning per name Airbyte holds more than once, at the resource's declaration. */
function duplicateWarnings(desired: DesiredPipeline, plan: Plan): Problem[] {
  const declared = new Map<string, { file: string; line: number; col: number }>();
  for (const resource of [...desired.sources, ...desired.destinations, ...desired.connections]) {
    if (!declared.has(`${resource.kind}:${resource.name}`)) declared.set(`${resource.kind}:${resource.name}`, resource.loc);
  }
  return (plan.duplicates ?? []).map((group) => {
    const kept = group.copies.find((copy) => copy.verdict === 'keep');
    const others = group.copies.length - 1;
    return {
      severity: 'warning' as const,
      ...declared.get(`${group.kind}:${group.name}`),
      message:
        `${group.kind} '${printable(group.name)}' exists ${group.copies.length} times in Airbyte, all exact duplicates: planned against the oldest (id ${kept?.id ?? '?'}); ` +
        `apply --dedupe deletes the other${others === 1 ? '' : 's'}`,
    };
  });
}
