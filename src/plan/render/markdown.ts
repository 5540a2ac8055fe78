/**
 * The plan as Markdown for pull-request comments: the summary line, a table of changes, the warnings, the Mermaid
 * diagram (GitHub renders it), and each changed resource's fields in a collapsible section. Every user-provided
 * text is escaped (escapeHtml), so a name cannot break the table, add a heading or inject markup.
 */
import { describeGroup } from '../duplicates.js';
import type { DesiredPipeline } from '../../model/desired.js';
import type { Action, Change, Plan, RenderOptions } from '../types.js';
import { changeNotes, driftLines, offeredSummary } from './notes.js';
import { planDiagram } from './mermaid.js';
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

/**
 * The longest comment rendered: GitHub refuses comments past 65,536 characters; this leaves room for the CI's own
 * words around the plan.
 */
export const MARKDOWN_LIMIT = 60_000;

/** Lines that stay together: a comment is only ever cut between blocks, so no element or fence is left open. */
interface Block {
  lines: string[];
  /** The change whose details this block is. */
  details?: Change;
}

/** The blocks in order, at most `limit` characters in all with the truncation note, which says how many changes are not shown. */
function fit(blocks: Block[], changed: number, limit: number): string[] {
  const size = (block: Block) => block.lines.reduce((sum, line) => sum + line.length + 1, 0);
  const total = blocks.reduce((sum, block) => sum + size(block), 0);
  if (total <= limit) return blocks.flatMap((block) => block.lines);
  const note = (shown: number) => {
    const more = changed - shown;
    const what = more > 0 ? `${more} more change${more === 1 ? '' : 's'}` : 'the rest of the plan';
    return `> **… truncated: ${what}; the full plan is in the job log (<code>airbyte-gitops plan</code>).**`;
  };
  const room = limit - note(0).length - 16;
  const lines: string[] = [];
  let used = 0;
  let shown = 0;
  for (const block of blocks) {
    const length = size(block);
    if (used + length > room) break;
    for (const line of block.lines) lines.push(line);
    used += length;
    if (block.details !== undefined) shown += 1;
  }
  lines.push('', note(shown), '');
  return lines;
}

/** The Markdown comment, ending with a newline; at most MARKDOWN_LIMIT characters (`limit`), cut with a note. */
export function renderMarkdown(plan: Plan, pipeline: DesiredPipeline, options: RenderOptions = {}, limit = MARKDOWN_LIMIT): string {
  const changed = plan.changes.filter((change) => change.action !== 'no-op');
  const refreshed = plan.refreshed === true ? ' (schemas refreshed from the sources)' : '';
  const blocks: Block[] = [
    { lines: [`### Airbyte plan for workspace ${escapeHtml(plan.workspace.name)}${refreshed}`, '', `**${summaryLine(plan.summary)}**`, ''] },
  ];
  // Block by block, line by line: spreading a large plan's lines into push() overflows the call stack.
  // The table's head stays with its first row; a cut after any row still leaves a whole table.
  const rows = table(changed);
  if (rows.length > 0) blocks.push({ lines: rows.slice(0, 3) });
  for (const line of rows.slice(3)) blocks.push({ lines: [line] });
  for (const line of warnings(changed)) blocks.push({ lines: [line] });
  const diagram = planDiagram(pipeline, plan);
  blocks.push({
    lines: [
      // The note holds only counts and fixed words: its command reads as code.
      ...(diagram.note === undefined ? [] : [`_${diagram.note.replace(/`([^`]*)`/g, '<code>$1</code>')}_`, '']),
      ...(diagram.graph === undefined ? [] : ['```mermaid', diagram.graph.trimEnd(), '```', '']),
    ],
  });
  for (const change of changed) blocks.push({ lines: details(change, options), details: change });
  const offered = offeredSummary(plan.changes);
  if (offered !== undefined) blocks.push({ lines: [`_${escapeHtml(offered)}_`, ''] });
  if (plan.unmanaged.length > 0) {
    const lines = [`<details>`, `<summary>${plan.unmanaged.length} unmanaged (left alone; <code>plan --prune</code> deletes them)</summary>`, ''];
    for (const resource of plan.unmanaged)
      lines.push(`- ${resource.kind} <code>${escapeHtml(resource.name)}</code> (id <code>${escapeHtml(resource.id)}</code>)`);
    lines.push('', '</details>', '');
    blocks.push({ lines });
  }
  const duplicates = plan.duplicates ?? [];
  if (duplicates.length > 0) {
    const quote = (name: string) => `<code>${escapeHtml(name)}</code>`;
    const lines = [
      `<details>`,
      `<summary>⚠ ${duplicates.length} name${duplicates.length === 1 ? '' : 's'} held more than once in Airbyte (<code>apply --dedupe</code> deletes the exact duplicates)</summary>`,
      '',
      '<pre>',
    ];
    for (const line of duplicates.flatMap((group) => describeGroup(group, quote, (text) => escapeHtml(printable(text))))) lines.push(line);
    lines.push('</pre>', '', '</details>', '');
    blocks.push({ lines });
  }
  return `${fit(blocks, changed.length, limit).join('\n').trimEnd()}\n`;
}
