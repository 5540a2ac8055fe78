/**
 * Resolves the `definition` a source or destination names against the workspace's definitions: a definition id, a
 * name (case-insensitive, exact) or a docker repository (`airbyte/source-postgres`, or `source-postgres` for the part
 * after the last `/`). A name wins over an image. Never guesses: a typo gets a suggestion (among names and images),
 * a duplicate name or image an error listing the ids.
 */
import type { ActorKind } from '../../model/desired.js';
import type { RemoteDefinition } from '../../model/remote.js';
import { didYouMean } from '../../util/suggest.js';

/** Either the definition found, or why none was (a message ready to put after the resource's name). */
export type DefinitionResolution = { definitionId: string; definition: RemoteDefinition } | { error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function byId(kind: ActorKind, id: string, definitions: RemoteDefinition[]): DefinitionResolution {
  const found = definitions.find((definition) => definition.definitionId.toLowerCase() === id.toLowerCase());
  if (found === undefined) return { error: `no ${kind} definition has id '${id}' in this workspace` };
  if (found.kind !== kind) return { error: `definition '${id}' ('${found.name}') is a ${found.kind} definition, not a ${kind} definition` };
  return { definitionId: found.definitionId, definition: found };
}

/** Answers by definitions list: every actor and connection of a plan asks about the same few definitions. */
const answers = new WeakMap<readonly RemoteDefinition[], { length: number; byName: Map<string, DefinitionResolution> }>();

/**
 * Finds the definition `written` refers to among `definitions` (which may hold both kinds). The answer is kept per
 * list (lists are never changed once read), so resolving thousands of actors costs one scan per distinct name.
 */
export function resolveDefinition(kind: ActorKind, written: string, definitions: RemoteDefinition[]): DefinitionResolution {
  let known = answers.get(definitions);
  // A list that grew since (a test adding a definition) starts afresh.
  if (known === undefined || known.length !== definitions.length) {
    known = { length: definitions.length, byName: new Map() };
    answers.set(definitions, known);
  }
  const key = `${kind}\u0000${written}`;
  let answer = known.byName.get(key);
  if (answer === undefined) {
    answer = resolveUncached(kind, written, definitions);
    known.byName.set(key, answer);
  }
  return answer;
}

/** The docker repository without its registry owner: `airbyte/source-postgres` → `source-postgres`. */
const shortImage = (repository: string) => repository.slice(repository.lastIndexOf('/') + 1);

/** The definitions whose docker repository `wanted` (lower-case) is, whole or as the part after its last `/`. */
function byImage(definitions: RemoteDefinition[], wanted: string): RemoteDefinition[] {
  if (wanted === '') return [];
  const whole = wanted.includes('/');
  return definitions.filter((definition) => {
    const repository = definition.dockerRepository.toLowerCase();
    return repository !== '' && (whole ? repository === wanted : shortImage(repository) === wanted);
  });
}

function ambiguous(kind: ActorKind, wanted: string, found: RemoteDefinition[], what: string): DefinitionResolution {
  const ids = found.map((definition) =>
    what === 'name' ? definition.definitionId : `${definition.definitionId} '${definition.name}' ${definition.dockerRepository}`,
  );
  return { error: `${kind} definition '${wanted}' is ambiguous: several definitions have that ${what} (${ids.join(', ')}); use the definition id` };
}

function resolveUncached(kind: ActorKind, written: string, definitions: RemoteDefinition[]): DefinitionResolution {
  const wanted = written.trim();
  if (UUID.test(wanted)) return byId(kind, wanted, definitions);
  const lower = wanted.toLowerCase();
  const ofKind = definitions.filter((definition) => definition.kind === kind);
  const named = ofKind.filter((definition) => definition.name.toLowerCase() === lower);
  const [only] = named;
  if (named.length === 1 && only !== undefined) return { definitionId: only.definitionId, definition: only };
  if (named.length > 1) return ambiguous(kind, wanted, named, 'name');
  const imaged = byImage(ofKind, lower);
  const [image] = imaged;
  if (imaged.length === 1 && image !== undefined) return { definitionId: image.definitionId, definition: image };
  if (imaged.length > 1) return ambiguous(kind, wanted, imaged, 'image');
  const other =
    definitions.find((definition) => definition.kind !== kind && definition.name.toLowerCase() === lower) ??
    byImage(
      definitions.filter((definition) => definition.kind !== kind),
      lower,
    )[0];
  if (other !== undefined) {
    const shown = other.name.toLowerCase() === lower ? `'${other.name}'` : `'${wanted}' ('${other.name}')`;
    return { error: `${shown} is a ${other.kind} definition, not a ${kind} definition` };
  }
  const tagged = /^(.+):[^:/]+$/.exec(wanted);
  const untagged = tagged?.[1] === undefined ? [] : byImage(ofKind, tagged[1].toLowerCase());
  if (untagged.length === 1 && untagged[0] !== undefined) {
    const { dockerRepository, dockerImageTag } = untagged[0];
    return {
      error: `${kind} definition '${wanted}' names an image with its tag: write '${dockerRepository}' (the version is the definition's, ${dockerImageTag} in this workspace)`,
    };
  }
  const candidates = ofKind.flatMap((definition) =>
    definition.dockerRepository === '' ? [definition.name] : [definition.name, definition.dockerRepository, shortImage(definition.dockerRepository)],
  );
  return { error: `unknown ${kind} definition '${wanted}'${didYouMean(wanted, candidates)}` };
}
