/**
 * The Terraform-like text plan: a registry of one small formatter per action, then the unmanaged list and the
 * summary line. Colour comes only from the Palette, so `plain` gives the exact text tests compare. Every name, id and
 * warning goes through `printable` (directly or via values.ts): none can move the cursor or start a fake line.
 */
import type { Palette } from '../../util/color.js';
import type { Action, Change, Plan, RenderOptions, UnmanagedResource } from '../types.js';
import { changeNotes, driftLines, offeredSummary } from './notes.js';
import { formatField, hasChanges, resourceLabel, summaryLine } from './values.js';
import { printable } from '../../util/printable.js';
import { describeGroup } from '../duplicates.js';
import { alikeSuffix, groupWarnings, type ShownWarning } from './warnings.js';

/**
 * The render options, and when a whole plan is rendered, the warnings each change shows: a warning repeated by other
 * resources is shown once, at the first, with how many more. Without them (one change rendered alone) a change shows
 * all of its own.
 */
export interface ChangeOptions extends RenderOptions {
  shownWarnings?: Map<Change, ShownWarning[]>;
}

/** Lines of one change, without the leading blank line and indentation. */
export type ChangeFormatter = (change: Change, palette: Palette, options: ChangeOptions) => string[];

const idNote = (change: Change) => (change.id === null ? '' : ` (id ${printable(change.id)})`);

/** The schema drift of a connection (`--refresh`), indented under it. */
function drift(change: Change, palette: Palette): string[] {
  if (change.kind !== 'connection') return [];
  return driftLines(change.drift).map((line, index) => (index === 0 ? `    ${palette.cyan(line)}` : `      ${line}`));
}

function body(change: Change, palette: Palette, options: ChangeOptions): string[] {
  const fields = change.fields.map((field) => `    ${formatField(field)}`);
  const grouped = options.shownWarnings;
  const shown = grouped === undefined ? change.warnings.map((message) => ({ message, alike: [] })) : (grouped.get(change) ?? []);
  const warnings = shown.map((warning) => `    ${palette.yellow(`⚠ ${printable(warning.message)}${alikeSuffix(warning)}`)}`);
  const notes = changeNotes(change, options).map((note) => `    ${palette.dim(`# ${note}`)}`);
  return [...fields, ...warnings, ...notes, ...drift(change, palette)];
}

function headline(change: Change): string {
  if (change.rename) {
    const more = change.fields.some((field) => field.path !== 'name') ? ' and updated in place' : '';
    return `will be renamed from '${printable(change.rename.from)}'${more}`;
  }
  return 'will be updated in place';
}

/** One formatter per action; a new action does not compile until it has its formatter. */
export const formatters: Record<Action, ChangeFormatter> = {
  create: (change, p, o) => [`${p.green('+')} ${p.bold(resourceLabel(change))} will be created`, ...body(change, p, o)],
  update: (change, p, o) => [`${p.yellow('~')} ${p.bold(resourceLabel(change))} ${headline(change)}${idNote(change)}`, ...body(change, p, o)],
  replace: (change, p, o) => [
    `${p.red('-/+')} ${p.bold(resourceLabel(change))} ${p.red('will be replaced')} (deleted, then created again)${idNote(change)}`,
    ...body(change, p, o),
  ],
  delete: (change, p, o) => [`${p.red('-')} ${p.bold(resourceLabel(change))} ${p.red('will be deleted')}${idNote(change)}`, ...body(change, p, o)],
  // Nothing to do. A refreshed connection whose source offers streams it does not select is counted in one line
  // after the changes (offeredSummary), not listed.
  'no-op': () => [],
};

/** The lines of one change, indented, as they appear in the plan (nothing for a no-op without drift). */
export function renderChange(change: Change, palette: Palette, options: ChangeOptions = {}): string[] {
  return formatters[change.action](change, palette, options).map((line) => `  ${line}`);
}

function renderUnmanaged(unmanaged: UnmanagedResource[], palette: Palette): string[] {
  if (unmanaged.length === 0) return [];
  return [
    palette.bold('Unmanaged: in Airbyte but not in the pipeline (left alone; plan --prune deletes them):'),
    ...unmanaged.map((resource) => `  ${resourceLabel(resource)} (id ${printable(resource.id)})`),
    '',
  ];
}

function renderDuplicates(plan: Plan, palette: Palette): string[] {
  const groups = plan.duplicates ?? [];
  if (groups.length === 0) return [];
  const quote = (name: string) => `'${printable(name)}'`;
  return [
    palette.yellow('Duplicates: Airbyte holds these names more than once (planned against the oldest copy; apply --dedupe deletes the others):'),
    ...groups.flatMap((group) => describeGroup(group, quote, printable).map((line) => `  ${line}`)),
    '',
  ];
}

/** The whole plan as text, ending with a newline. */
export function renderText(plan: Plan, palette: Palette, options: RenderOptions = {}): string {
  const refreshed = plan.refreshed === true ? ' (schemas refreshed from the sources)' : '';
  const lines = [`Airbyte workspace '${printable(plan.workspace.name)}' (${printable(plan.workspace.workspaceId)})${refreshed}`, ''];
  const grouped: ChangeOptions = { ...options, shownWarnings: groupWarnings(plan.changes.filter((change) => change.action !== 'no-op')) };
  for (const change of plan.changes) {
    const rendered = renderChange(change, palette, grouped);
    if (rendered.length > 0) lines.push(...rendered, '');
  }
  const offered = offeredSummary(plan.changes);
  if (offered !== undefined) lines.push(palette.dim(offered), '');
  // One at a time: spreading tens of thousands of lines into push() overflows the call stack.
  for (const line of renderUnmanaged(plan.unmanaged, palette)) lines.push(line);
  for (const line of renderDuplicates(plan, palette)) lines.push(line);
  const summary = summaryLine(plan.summary);
  lines.push(hasChanges(plan.summary) ? palette.bold(summary) : palette.green(summary));
  return `${lines.join('\n')}\n`;
}
