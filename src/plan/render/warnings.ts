/**
 * Repeated warnings, shown once. Two warnings are alike when they read the same once the quoted name of the resource
 * they belong to is taken out (`stream 'users' of connection 'conn-7' …` is like the one of 'conn-8'), and the resources
 * are of one kind. The text and Markdown renderers show the first of each group, at its resource, followed by
 * "(and N more like this: …)"; the JSON plan keeps every warning at its change.
 */
import type { Change } from '../types.js';
import { printable } from '../../util/printable.js';

/** Names of the other resources listed after "more like this"; past these, `…`. */
export const ALIKE_LISTED = 5;

/** One warning as it is shown: the first occurrence, and the other resources that have it too. */
export interface ShownWarning {
  message: string;
  /** The other resources' names, in plan order (one per occurrence). */
  alike: string[];
}

/**
 * The message with its resource's name taken out where it is quoted (`'conn-7'`, as messages name resources; it may
 * occur several times, or not at all). Only quoted: a short name such as `a` must not blur unrelated words.
 */
function shape(change: Change, message: string): string {
  return `${change.kind}\u0000${message.split(`'${change.name}'`).join('\u0000')}`;
}

/** Per change, the warnings it shows (its first occurrences), each with the resources that repeat it. */
export function groupWarnings(changes: readonly Change[]): Map<Change, ShownWarning[]> {
  const groups = new Map<string, ShownWarning>();
  const shown = new Map<Change, ShownWarning[]>();
  for (const change of changes) {
    for (const message of change.warnings) {
      const key = shape(change, message);
      const group = groups.get(key);
      if (group !== undefined) {
        group.alike.push(change.name);
        continue;
      }
      const first: ShownWarning = { message, alike: [] };
      groups.set(key, first);
      const own = shown.get(change);
      if (own === undefined) shown.set(change, [first]);
      else own.push(first);
    }
  }
  return shown;
}

/** ` (and 299 more like this: conn-2, conn-3, conn-4, conn-5, conn-6, …)`, or nothing; plain text. */
export function alikeSuffix(warning: ShownWarning): string {
  const count = warning.alike.length;
  if (count === 0) return '';
  const names = [...new Set(warning.alike)];
  const listed = names.slice(0, ALIKE_LISTED).map(printable).join(', ');
  return ` (and ${count} more like this: ${listed}${names.length > ALIKE_LISTED ? ', …' : ''})`;
}
