/**
 * The plan as Markdown for pull-request comments: the summary line, a table of changes, the warnings, the Mermaid
 * diagram (GitHub renders it), and each changed resource's fields in a collapsible section. Every user-provided
 * text is escaped (escapeHtml), so a name cannot break the table, add a heading or inject markup.
 */
import { describeGroup } from '../duplicates.js';
import type { DesiredPipeline } from '../../model/desired.js';
import type { Action, Change, Plan, RenderOptions } from '../types.js';
import { changeNotes, driftLines, offeredSummary } from './notes.js';
import { renderGraph } from './mermaid.js';
import { formatField, resourceLabel, summaryLine } from './values.js';
import { printable } from '../../util/printable.js';
import { alikeSuffix, groupWarnings } from './warnings.js';

/**
 * Safe inside HTML elements and Markdown table cells: control, line-break and bidi characters first become visible
 * `\uXXXX` escapes (so no text can end a table row or start a heading), then every character Markdown or HTML
 * gives a meaning (`|`, `<`, backticks, emphasis, links, `@` mentions, `#` references, `~~` strikethrough…) becomes an
 * HTML entity.
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"'|`\\*_[\]()!#@~$]/g, (ch) => `&#${ch.codePointAt(0)};`);
}

const BADGE: Record<Action, string> = { create: '➕ create', update: '✏️ update', replace: '♻️ replace', delete: '🗑️ delete', 'no-op': 'no-op' };

function table(changes: Change[]): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((change) => {
    const name = change.rename ? `${escapeHtml(change.rename.from)} → ${escapeHtml(change.name)}` : escapeHtml(change.name);
    const notes = change.warnings.length > 0 ? `⚠ ${change.warnings.length}` : '';
    return `| ${BADGE[change.action]} | ${change.kind} | ${name} | ${change.fields.length} | ${notes} |`;
  });
  return ['| Action | Kind | Name | Fields | Warnings |', '|---|---|---|---|---|', ...rows, ''];
}

/** Each warning once: one repeated by other resources says how many (`and N more like this`). */
function warnings(changes: Change[]): string[] {
  const shown = groupWarnings(changes);
  const lines = changes.flatMap((change) =>
    (shown.get(change) ?? []).map((warning) => `> ⚠ **${escapeHtml(resourceLabel(change))}**: ${escapeHtml(warning.message + alikeSuffix(warning))}`),
  );
  return lines.length === 0 ? [] : [...lines.flatMap((line) => [line, '>']).slice(0, -1), ''];
}

function details(change: Change, options: RenderOptions): string[] {
  const id = change.id === null ? '' : ` (id <code>${escapeHtml(change.id)}</code>)`;
  const summary = `<summary>${BADGE[change.action]} ${change.kind} <code>${escapeHtml(change.name)}</code>${id}</summary>`;
  const notes = changeNotes(change, options).map((note) => `- ${escapeHtml(note)}`);
  const drift = change.kind === 'connection' ? driftLines(change.drift).map(escapeHtml) : [];
  const body = change.fields.length === 0 ? [] : ['<pre>', ...change.fields.map((field) => escapeHtml(formatField(field))), '</pre>'];
  return [
    '<details>',
    summary,
    '',
    ...(notes.length > 0 ? [...notes, ''] : []),
    ...body,
    ...(drift.length > 0 ? ['<pre>', ...drift, '</pre>'] : []),
    '</details>',
    '',
  ];
}

/** The Markdown comment, ending with a newline. */
export function renderMarkdown(plan: Plan, pipeline: DesiredPipeline, options: RenderOptions = {}): string {
  const changed = plan.changes.filter((change) => change.action !== 'no-op');
  const refreshed = plan.refreshed === true ? ' (schemas refreshed from the sources)' : '';
  const lines = [`### Airbyte plan for workspace ${escapeHtml(plan.workspace.name)}${refreshed}`, '', `**${summaryLine(plan.summary)}**`, ''];
  // Line by line: spreading a large plan's lines into push() overflows the call stack.
  for (const line of [...table(changed), ...warnings(changed)]) lines.push(line);
  lines.push('```mermaid', renderGraph(pipeline, plan).trimEnd(), '```', '');
  for (const change of changed) for (const line of details(change, options)) lines.push(line);
  const offered = offeredSummary(plan.changes);
  if (offered !== undefined) lines.push(`_${escapeHtml(offered)}_`, '');
  if (plan.unmanaged.length > 0) {
    lines.push(`<details>`, `<summary>${plan.unmanaged.length} unmanaged (left alone; <code>plan --prune</code> deletes them)</summary>`, '');
    for (const resource of plan.unmanaged)
      lines.push(`- ${resource.kind} <code>${escapeHtml(resource.name)}</code> (id <code>${escapeHtml(resource.id)}</code>)`);
    lines.push('', '</details>', '');
  }
  const duplicates = plan.duplicates ?? [];
  if (duplicates.length > 0) {
    const quote = (name: string) => `<code>${escapeHtml(name)}</code>`;
    lines.push(
      `<details>`,
      `<summary>⚠ ${duplicates.length} name${duplicates.length === 1 ? '' : 's'} held more than once in Airbyte (<code>apply --dedupe</code> deletes the exact duplicates)</summary>`,
      '',
    );
    lines.push('<pre>', ...duplicates.flatMap((group) => describeGroup(group, quote, (text) => escapeHtml(printable(text)))), '</pre>', '', '</details>', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
