/**
 * Small shared pieces of the renderers: how a value and the summary line read. Values come from the plan, whose
 * secrets are Secrets: they print as `(sensitive)` whatever a renderer does with them. Names, paths and values come
 * from outside (the pipeline, the server): they go through `printable`, so none prints a control or bidi character.
 */
import { SENSITIVE, Secret, type SealedJson } from '../../secrets/secret.js';
import type { Change, FieldChange, Summary } from '../types.js';
import { printable } from '../../util/printable.js';

/** A value as one line: strings quoted, a secret as `(sensitive)` bare, objects and arrays as compact JSON. */
export function formatValue(value: SealedJson): string {
  // A saved plan read back holds the text `(sensitive)` where the plan held a Secret: shown the same way.
  if (value instanceof Secret || value === SENSITIVE) return SENSITIVE;
  // JSON already escapes C0 controls; printable shows DEL, C1 and bidi characters too.
  return printable(JSON.stringify(value));
}

/** `+` added, `-` removed, `~` changed: how one field line starts. */
export function fieldSymbol(field: FieldChange): '+' | '-' | '~' {
  if (field.before === null) return '+';
  if (field.after === null) return '-';
  return '~';
}

/** `path: after`, `path: before`, or `path: before → after`. */
export function formatField(field: FieldChange): string {
  const symbol = fieldSymbol(field);
  const path = printable(field.path);
  if (symbol === '+') return `+ ${path}: ${formatValue(field.after)}`;
  if (symbol === '-') return `- ${path}: ${formatValue(field.before)}`;
  return `~ ${path}: ${formatValue(field.before)} → ${formatValue(field.after)}`;
}

/** True when the summary has anything to do. */
export function hasChanges(summary: Summary): boolean {
  return summary.create + summary.update + summary.replace + summary.delete > 0;
}

/** `Plan: 2 to create, 1 to update, 0 to delete.` (the replace count appears when there is one), or the no-change line. */
export function summaryLine(summary: Summary): string {
  if (!hasChanges(summary)) return 'No changes. Airbyte matches the pipeline.';
  const replace = summary.replace > 0 ? `${summary.replace} to replace, ` : '';
  return `Plan: ${summary.create} to create, ${summary.update} to update, ${replace}${summary.delete} to delete.`;
}

/** `source 'pg'`: how a resource is named in headings and warnings. */
export function resourceLabel(change: Pick<Change, 'kind' | 'name'>): string {
  return `${change.kind} '${printable(change.name)}'`;
}
