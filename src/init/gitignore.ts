/**
 * The `.gitignore` lines a pipeline repository needs, merged into what is there: missing lines are appended at the
 * end, nothing is removed or reordered.
 */

/** Each line `init` wants, with the comment written above it when it is added. */
export const GITIGNORE_ENTRIES: readonly { line: string; comment: string }[] = [
  { line: '*.plan.json', comment: '# airbyte-gitops: saved plans (plan --out; the action writes airbyte-gitops.plan.json)' },
  { line: '.airbyte-gitops/', comment: '# airbyte-gitops: sync state saved by apply before a reset (and emulator state kept in the repository)' },
  { line: '.airbyte-emulator.json', comment: '# the emulator state of older airbyte-gitops versions (it holds secrets)' },
  { line: 'node_modules/', comment: '# npm' },
];

/**
 * A pattern with what does not change its meaning here removed: a leading `/` or `**\/` (the entries are wanted at
 * the root) and a trailing `/`: `/node_modules/`, `node_modules` and `**\/node_modules` all ignore `node_modules/`.
 */
function normalized(pattern: string): string {
  return pattern
    .trim()
    .replace(/^(\*\*\/|\/)/, '')
    .replace(/\/+$/, '');
}

/** What is added to `existing` (undefined when there is no file): '' when every line (or its equivalent) is there. */
export function gitignoreAddition(existing: string | undefined): string {
  const present = new Set((existing ?? '').split(/\r?\n/).map(normalized));
  const missing = GITIGNORE_ENTRIES.filter(({ line }) => !present.has(normalized(line)));
  if (missing.length === 0) return '';
  const lines = missing.flatMap(({ line, comment }) => [comment, line]).join('\n') + '\n';
  if (existing === undefined || existing === '') return lines;
  return (existing.endsWith('\n') ? '\n' : '\n\n') + lines;
}
