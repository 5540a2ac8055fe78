/**
 * Merges what every file declares into one pipeline and runs the checks that need all files at once: duplicate
 * names, names that only look the same, and dangling source/destination references.
 */
import type { DesiredActor, DesiredConnection, DesiredPipeline, SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { printable } from '../util/printable.js';
import { didYouMean } from '../util/suggest.js';
import type { FileResources } from './build.js';
import { confusableReason, firstDifference, skeleton } from './confusable.js';

const place = (loc: SourceLocation) => `${loc.file}:${loc.line}:${loc.col}`;

function declaredTwice(kind: string, name: string, here: SourceLocation, first: SourceLocation): Problem {
  return { severity: 'error', ...here, message: `${kind} '${name}' is declared twice: here and at ${place(first)}` };
}

const isReference = (actor: DesiredActor) => actor.definition === undefined;

/**
 * One actor per name. A name-only reference may repeat, and may sit beside the managed declaration of the same
 * name (another file managing it): both mean the same resource, and the managed one wins.
 */
function mergeActors(lists: DesiredActor[][], problems: Problem[]): DesiredActor[] {
  const byName = new Map<string, DesiredActor>();
  for (const actor of lists.flat()) {
    const first = byName.get(actor.name);
    if (first === undefined) byName.set(actor.name, actor);
    else if (isReference(first) && !isReference(actor)) byName.set(actor.name, actor);
    else if (!isReference(first) && !isReference(actor)) problems.push(declaredTwice(actor.kind, actor.name, actor.loc, first.loc));
  }
  return [...byName.values()];
}

function mergeConnections(lists: DesiredConnection[][], problems: Problem[]): DesiredConnection[] {
  const byName = new Map<string, DesiredConnection>();
  for (const connection of lists.flat()) {
    const first = byName.get(connection.name);
    if (first === undefined) byName.set(connection.name, connection);
    else problems.push(declaredTwice('connection', connection.name, connection.loc, first.loc));
  }
  return [...byName.values()];
}

/** A warning for each name that looks like an earlier one of the same kind but is a different string. */
function checkConfusables(resources: readonly (DesiredActor | DesiredConnection)[], kind: string, problems: Problem[]): void {
  const bySkeleton = new Map<string, DesiredActor | DesiredConnection>();
  for (const resource of resources) {
    const key = skeleton(resource.name);
    const first = bySkeleton.get(key);
    if (first === undefined) {
      bySkeleton.set(key, resource);
      continue;
    }
    const message =
      `${kind} '${printable(resource.name)}' looks the same as ${kind} '${printable(first.name)}' at ${place(first.loc)} but is a different name ` +
      `(${confusableReason(resource.name, first.name)}; ${firstDifference(resource.name, first.name)}); ` +
      `Airbyte would hold two resources a reviewer cannot tell apart: rename one, or write both the same way`;
    problems.push({ severity: 'warning', ...resource.loc, message });
  }
}

/** Unknown references that get a "did you mean": each compares with every declared name, so past these, none do. */
export const SUGGESTED_REFERENCES = 100;

function checkReferences(pipeline: DesiredPipeline, problems: Problem[]): void {
  let suggested = 0;
  const didYouMeanOneOf = (name: string, names: string[]) => (suggested++ < SUGGESTED_REFERENCES ? didYouMean(name, names) : '');
  const sources = pipeline.sources.map((actor) => actor.name);
  const destinations = pipeline.destinations.map((actor) => actor.name);
  const [sourceNames, destinationNames] = [new Set(sources), new Set(destinations)];
  for (const connection of pipeline.connections) {
    if (connection.sourceLoc && !sourceNames.has(connection.source)) {
      const message =
        `connection '${connection.name}' refers to unknown source '${connection.source}'${didYouMeanOneOf(connection.source, sources)}` +
        `; declare it under 'sources' (a '- name: ...' entry alone refers to an existing source)`;
      problems.push({ severity: 'error', ...connection.sourceLoc, message });
    }
    if (connection.destinationLoc && !destinationNames.has(connection.destination)) {
      const message =
        `connection '${connection.name}' refers to unknown destination '${connection.destination}'` +
        `${didYouMeanOneOf(connection.destination, destinations)}` +
        `; declare it under 'destinations' (a '- name: ...' entry alone refers to an existing destination)`;
      problems.push({ severity: 'error', ...connection.destinationLoc, message });
    }
  }
}

function mergeWorkspace(files: FileResources[], pipeline: DesiredPipeline, problems: Problem[]): void {
  for (const file of files) {
    if (file.workspace === undefined || file.workspaceLoc === undefined) continue;
    if (pipeline.workspace === undefined || pipeline.workspaceLoc === undefined) {
      pipeline.workspace = file.workspace;
      pipeline.workspaceLoc = file.workspaceLoc;
    } else if (pipeline.workspace !== file.workspace) {
      const message = `workspace '${file.workspace}' differs from workspace '${pipeline.workspace}' set at ${place(pipeline.workspaceLoc)}`;
      problems.push({ severity: 'error', ...file.workspaceLoc, message });
    }
  }
}

/** All files as one pipeline, plus the problems found across them. */
export function mergeFiles(files: FileResources[], fileNames: string[]): { pipeline: DesiredPipeline; problems: Problem[] } {
  const problems: Problem[] = [];
  const pipeline: DesiredPipeline = {
    sources: mergeActors(
      files.map((file) => file.sources),
      problems,
    ),
    destinations: mergeActors(
      files.map((file) => file.destinations),
      problems,
    ),
    connections: mergeConnections(
      files.map((file) => file.connections),
      problems,
    ),
    files: fileNames,
  };
  mergeWorkspace(files, pipeline, problems);
  checkConfusables(pipeline.sources, 'source', problems);
  checkConfusables(pipeline.destinations, 'destination', problems);
  checkConfusables(pipeline.connections, 'connection', problems);
  checkReferences(pipeline, problems);
  return { pipeline, problems };
}
