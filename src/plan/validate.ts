/**
 * The checks against the server, run once before the diff: every definition resolves, every name-only reference
 * exists, every configuration fits its connector's spec, every stream is in its source's catalog. Problems are
 * collected with file:line:col; what passes is a ValidatedPipeline, the only input the diff accepts.
 */
import type { DestinationSyncMode } from '../api/types.js';
import type { DesiredStream } from '../model/desired.js';
import { GitopsError } from '../errors.js';
import type { ActorKind, DesiredActor, DesiredConnection, DesiredPipeline, SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { RemoteActor, RemoteConnection, RemoteState } from '../model/remote.js';
import type { ResolvedActor, ResolvedReference, ValidatedPipeline } from '../model/validated.js';
import { confusableReason, firstDifference, skeleton } from '../pipeline/confusable.js';
import { printable } from '../util/printable.js';
import { didYouMean } from '../util/suggest.js';
import { ByName, groupBy } from './by-name.js';
import { checkConfiguration, checkStreams, resolveDefinition } from './checks/index.js';
import { expandAllStreams } from './all-streams.js';
import { availableStreams, isNewSource, storedStreams, universeOf } from './source-streams.js';

function at(loc: SourceLocation | undefined, message: string): Problem {
  return loc ? { severity: 'error', file: loc.file, line: loc.line, col: loc.col, message } : { severity: 'error', message };
}

/**
 * Look-ups built once per run: remote actors and declared actors by kind and name (the first of several wins, as a
 * scan would find it; duplicate remote names are the diff's CONFLICT), stored connections by source id.
 */
interface Lookups {
  remote: RemoteState;
  remoteByName: Record<ActorKind, ByName<RemoteActor>>;
  declared: Record<ActorKind, ByName<DesiredActor>>;
  connectionsBySource: Map<string, RemoteConnection[]>;
  connections: ByName<RemoteConnection>;
  /** Missing references that may still get a "did you mean" (each compares with every remote name). */
  suggestionsLeft: number;
  /** Checking against a connector registry: no workspace says whether a name-only reference exists. */
  offline: boolean;
}

/** Missing references that get a "did you mean"; past these, none do, so thousands of them stay quick to report. */
export const SUGGESTED_REFERENCES = 100;

function lookups(desired: DesiredPipeline, remote: RemoteState, offline = false): Lookups {
  return {
    remote,
    remoteByName: { source: new ByName(remote.sources), destination: new ByName(remote.destinations) },
    declared: { source: new ByName(desired.sources), destination: new ByName(desired.destinations) },
    connectionsBySource: groupBy(remote.connections, (connection) => connection.sourceId),
    connections: new ByName(remote.connections),
    suggestionsLeft: SUGGESTED_REFERENCES,
    offline,
  };
}

/** A spec fetch did not read: a bug in fetching, not in the pipeline, raised only when the pipeline has no errors. */
function unreadSpec(actor: DesiredActor, definitionId: string): GitopsError {
  const where = `${actor.loc.file}:${actor.loc.line}:${actor.loc.col}: ${actor.kind} '${actor.name}'`;
  return new GitopsError('NOT_FOUND', `${where}: no connector specification was read for definition ${definitionId}`, {
    hint: 'This is a bug in fetching the remote state; please report it.',
  });
}

function missingReference(kind: ActorKind, name: string, loc: SourceLocation | undefined, known: Lookups): Problem {
  const hint = known.suggestionsLeft-- > 0 ? didYouMean(name, known.remoteByName[kind].names()) : '';
  return at(
    loc,
    `${kind} '${name}' is referenced by name but does not exist in workspace '${known.remote.workspace.name}'${hint}; declare it with a definition and configuration, or create it first`,
  );
}

/** Resolves one declared actor's definition, or checks that a name-only one exists; undefined when neither. */
function resolveActor(actor: DesiredActor, known: Lookups, out: Validation): ResolvedActor | undefined {
  if (actor.definition === undefined) {
    if (known.offline) return undefined;
    const existing = known.remoteByName[actor.kind].get(actor.name);
    if (existing) addReference(out, { kind: actor.kind, name: actor.name, existing });
    else out.problems.push(missingReference(actor.kind, actor.name, actor.loc, known));
    return undefined;
  }
  const resolved = resolveDefinition(actor.kind, actor.definition, known.remote.definitions);
  if ('error' in resolved) {
    out.problems.push(at(actor.definitionLoc ?? actor.loc, `${actor.kind} '${actor.name}': ${resolved.error}`));
    return undefined;
  }
  const spec = known.remote.specs[resolved.definitionId];
  if (!spec) {
    out.unreadSpecs.push(unreadSpec(actor, resolved.definitionId));
    return undefined;
  }
  return { actor, definition: resolved.definition, spec: spec.connectionSpecification };
}

/** A resolved actor with its configuration checked against its spec and coerced to the types the spec asks for. */
function checkResolved(resolved: ResolvedActor, known: Lookups, out: Validation): ResolvedActor {
  const spec = known.remote.specs[resolved.definition.definitionId];
  if (!spec) return resolved;
  const checked = checkConfiguration(resolved.actor, spec, resolved.definition.name);
  out.problems.push(...checked.problems);
  return { ...resolved, actor: { ...resolved.actor, configuration: checked.configuration } };
}

/** A connection endpoint the pipeline does not declare at all must exist too (the loader reports most of these). */
function checkEndpoints(connection: DesiredConnection, known: Lookups, out: Validation): void {
  if (known.offline) return;
  for (const kind of ['source', 'destination'] as const) {
    const name = kind === 'source' ? connection.source : connection.destination;
    if (known.declared[kind].has(name) || out.referenced.has(referenceKey(kind, name))) continue;
    const existing = known.remoteByName[kind].get(name);
    const loc = (kind === 'source' ? connection.sourceLoc : connection.destinationLoc) ?? connection.loc;
    if (existing) addReference(out, { kind, name, existing });
    else out.problems.push(missingReference(kind, name, loc, known));
  }
}

/**
 * A connection's stream problems, and for an all-streams connection whose source's streams are known, its concrete
 * streams (recorded in `out.expanded`).
 */
function checkConnectionStreams(connection: DesiredConnection, known: Lookups, out: Validation): void {
  const modes = destinationModes(connection, known);
  if (connection.allStreams === undefined) {
    const stored = known.remote.refreshed === true ? (storedStreams(connection, known) ?? []) : [];
    out.problems.push(...checkStreams(connection, availableStreams(connection, known), modes, stored));
    return;
  }
  const universe = universeOf(connection, known);
  if (universe === 'unknown') {
    out.problems.push(...checkStreams(connection, 'unknown', modes));
    return;
  }
  const expansion = expandAllStreams(connection, universe, storedStreams(connection, known) ?? [], modes);
  out.expanded.set(connection.name, expansion.streams);
  out.problems.push(...expansion.problems, ...checkStreams({ ...connection, streams: expansion.streams }, universe, modes));
}

function destinationModes(connection: DesiredConnection, known: Lookups): DestinationSyncMode[] | undefined {
  const declared = known.declared.destination.get(connection.destination);
  let definitionId: string | undefined;
  if (declared?.definition !== undefined) {
    const resolved = resolveDefinition('destination', declared.definition, known.remote.definitions);
    if ('definitionId' in resolved) definitionId = resolved.definitionId;
  } else {
    definitionId = known.remoteByName.destination.get(connection.destination)?.definitionId;
  }
  return definitionId === undefined ? undefined : known.remote.specs[definitionId]?.supportedDestinationSyncModes;
}

/** What validation collects on its way through the pipeline. */
interface Validation {
  managed: ResolvedActor[];
  references: ResolvedReference[];
  /** The references' kinds and names (referenceKey), to tell at once whether a name is already referenced. */
  referenced: Set<string>;
  problems: Problem[];
  unreadSpecs: GitopsError[];
  expanded: Map<string, DesiredStream[]>;
}

const referenceKey = (kind: ActorKind, name: string) => `${kind}\u0000${name}`;

function addReference(out: Validation, reference: ResolvedReference): void {
  out.references.push(reference);
  out.referenced.add(referenceKey(reference.kind, reference.name));
}

/** Every actor in pipeline order, each resolved and then (when `deep`) checked before the next, so problems keep that order. */
function walk(desired: DesiredPipeline, known: Lookups, deep: boolean): { validated: ValidatedPipeline; out: Validation } {
  const out: Validation = { managed: [], references: [], referenced: new Set(), problems: [], unreadSpecs: [], expanded: new Map() };
  const visit = (actor: DesiredActor): DesiredActor => {
    const resolved = resolveActor(actor, known, out);
    if (resolved === undefined) return actor;
    const checked = deep ? checkResolved(resolved, known, out) : resolved;
    out.managed.push(checked);
    return checked.actor;
  };
  const pipeline: DesiredPipeline = { ...desired, sources: desired.sources.map(visit), destinations: desired.destinations.map(visit) };
  for (const connection of desired.connections) {
    checkEndpoints(connection, known, out);
    if (deep) checkConnectionStreams(connection, known, out);
  }
  const [unread] = out.unreadSpecs;
  if (unread && !out.problems.some((problem) => problem.severity === 'error')) throw unread;
  return { validated: { pipeline, managed: out.managed, references: out.references, expandedStreams: out.expanded }, out };
}

/**
 * Warnings for declared names Airbyte does not hold (nor under a previous name) that look the same as a name it
 * does hold, of the same kind: matching is by exact name, so the plan would create a second resource a reviewer
 * cannot tell from the first, where the user almost surely meant the existing one.
 */
function confusableWithRemote(desired: DesiredPipeline, remote: RemoteState): Problem[] {
  const problems: Problem[] = [];
  const lists = [
    { kind: 'source', declared: desired.sources.filter((actor) => actor.definition !== undefined), existing: remote.sources },
    { kind: 'destination', declared: desired.destinations.filter((actor) => actor.definition !== undefined), existing: remote.destinations },
    { kind: 'connection', declared: desired.connections, existing: remote.connections },
  ] as const;
  for (const { kind, declared, existing } of lists) {
    if (declared.length === 0 || existing.length === 0) continue;
    const names = new Set(existing.map((resource) => resource.name));
    const bySkeleton = new Map<string, { name: string; id: string }>();
    for (const resource of existing) {
      const key = skeleton(resource.name);
      if (!bySkeleton.has(key)) bySkeleton.set(key, resource);
    }
    for (const resource of declared) {
      if (names.has(resource.name) || resource.previousNames.some((name) => names.has(name))) continue;
      const lookAlike = bySkeleton.get(skeleton(resource.name));
      if (lookAlike === undefined || lookAlike.name === resource.name) continue;
      const message =
        `${kind} '${printable(resource.name)}' looks the same as ${kind} '${printable(lookAlike.name)}' in Airbyte (id ${lookAlike.id}) but is a different name ` +
        `(${confusableReason(resource.name, lookAlike.name)}; ${firstDifference(resource.name, lookAlike.name)}): ` +
        `names match exactly, so the plan creates a second ${kind} instead of using that one; write the name as Airbyte has it, or rename one`;
      problems.push({ severity: 'warning', file: resource.loc.file, line: resource.loc.line, col: resource.loc.col, message });
    }
  }
  return problems;
}

/**
 * Checks the pipeline against the server. `problems` holds every error and warning, in pipeline order (then the
 * names that only look like one Airbyte holds); when it
 * holds no error, `validated` is what the diff takes. Throws only for a spec that fetch failed to read (a bug).
 */
export function validate(desired: DesiredPipeline, remote: RemoteState): { validated: ValidatedPipeline; problems: Problem[] } {
  const { validated, out } = walk(desired, lookups(desired, remote), true);
  return { validated, problems: [...out.problems, ...confusableWithRemote(desired, remote)] };
}

/**
 * The same checks with no server, against the definitions and specs of a connector registry (`remote` holds those,
 * and no resources): names that refer to existing resources are taken on trust, and a connection's streams are
 * checked only against its destination's sync modes, as for a source not created yet (no catalog to read).
 */
export function validateOffline(desired: DesiredPipeline, remote: RemoteState): Problem[] {
  return walk(desired, lookups(desired, remote, true), true).out.problems;
}

/**
 * The stream checks again for the connections of the sources this apply creates, once their catalogs were
 * discovered at plan time (`remote.discoveredNew`): their problems, and `validated` with their all-streams
 * expansions added. The first `validate` saw these sources' streams as unknown and checked only sync modes.
 */
export function recheckNewSourceStreams(validated: ValidatedPipeline, remote: RemoteState): { validated: ValidatedPipeline; problems: Problem[] } {
  const known = lookups(validated.pipeline, remote);
  const out: Validation = { managed: [], references: [], referenced: new Set(), problems: [], unreadSpecs: [], expanded: new Map() };
  for (const connection of validated.pipeline.connections) {
    if (isNewSource(connection, known) && remote.discoveredNew?.[connection.source] !== undefined) checkConnectionStreams(connection, known, out);
  }
  return { validated: { ...validated, expandedStreams: new Map([...validated.expandedStreams, ...out.expanded]) }, problems: out.problems };
}

/**
 * Only what the diff relies on: definitions resolved, references existing. Configurations and streams are not
 * checked; for tests of the diff on literal values, where the full checks would only add noise.
 */
export function resolveReferences(desired: DesiredPipeline, remote: RemoteState): { validated: ValidatedPipeline; problems: Problem[] } {
  const { validated, out } = walk(desired, lookups(desired, remote), false);
  return { validated, problems: out.problems };
}
