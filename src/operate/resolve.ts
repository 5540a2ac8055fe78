/**
 * Resolving the names a user types (connections, sources) against one list call, never a get per resource. An
 * unknown name is an error with a "did you mean" and the names that do exist.
 */
import { GitopsError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';

const MAX_LISTED = 10;

/** `'a', 'b', 'c'` (and how many more), for hints. */
export function listNames(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  const shown = sorted
    .slice(0, MAX_LISTED)
    .map((name) => `'${name}'`)
    .join(', ');
  return sorted.length > MAX_LISTED ? `${shown} and ${sorted.length - MAX_LISTED} more` : shown;
}

/**
 * The one item called `name`. Unknown → NOT_FOUND with a suggestion and the available names; two items with that
 * name → CONFLICT listing their ids (Airbyte does not keep names unique).
 */
export function findByName<T extends { name: string }>(kind: string, name: string, items: readonly T[], id: (item: T) => string, workspace: string): T {
  const matches = items.filter((item) => item.name === name);
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return only;
  if (matches.length > 1) {
    throw new GitopsError('CONFLICT', `${matches.length} ${kind}s are named '${name}' in workspace '${workspace}' (ids ${matches.map(id).join(', ')})`, {
      meta: { kind, name, ids: matches.map(id) },
      hint: `rename one of them in Airbyte so that names are unique`,
    });
  }
  const names = items.map((item) => item.name);
  throw new GitopsError('NOT_FOUND', `unknown ${kind} '${name}' in workspace '${workspace}'${didYouMean(name, names)}`, {
    meta: { kind, name, available: names },
    hint: names.length === 0 ? `the workspace has no ${kind}s` : `available ${kind}s: ${listNames(names)}`,
  });
}
