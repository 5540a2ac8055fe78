/**
 * Resolves the `definition` a source or destination names (a definition id, or a name matched case-insensitively
 * and exactly) against the workspace's definitions. Never guesses: a typo gets a suggestion, a duplicate name an
 * error listing the ids.
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

function resolveUncached(kind: ActorKind, written: string, definitions: RemoteDefinition[]): DefinitionResolution {
  const wanted = written.trim();
  if (UUID.test(wanted)) return byId(kind, wanted, definitions);
  const ofKind = definitions.filter((definition) => definition.kind === kind);
  const named = ofKind.filter((definition) => definition.name.toLowerCase() === wanted.toLowerCase());
  const [only] = named;
  if (named.length === 1 && only !== undefined) return { definitionId: only.definitionId, definition: only };
  if (named.length > 1) {
    const ids = named.map((definition) => definition.definitionId).join(', ');
    return { error: `${kind} definition '${wanted}' is ambiguous: several definitions have that name (${ids}); use the definition id` };
  }
  const other = definitions.find((definition) => definition.kind !== kind && definition.name.toLowerCase() === wanted.toLowerCase());
  if (other !== undefined) return { error: `'${other.name}' is a ${other.kind} definition, not a ${kind} definition` };
  return {
    error: `unknown ${kind} definition '${wanted}'${didYouMean(
      wanted,
      ofKind.map((definition) => definition.name),
    )}`,
  };
}
