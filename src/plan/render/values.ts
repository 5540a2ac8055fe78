/**
 * Small shared pieces of the renderers: how a value and the summary line read. Values come from the plan, whose
 * fields are already safe (secrets are `(sensitive)`).
 */
import type { Json } from '../../api/types.js';
import { SENSITIVE, type Change, type FieldChange, type Summary } from '../types.js';

/** A value as one line: strings quoted, `(sensitive)` bare, objects and arrays as compact JSON. */
export function formatValue(value: Json): string {
  if (value === SENSITIVE) return value;
  return JSON.stringify(value);
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
  if (symbol === '+') return `+ ${field.path}: ${formatValue(field.after)}`;
  if (symbol === '-') return `- ${field.path}: ${formatValue(field.before)}`;
  return `~ ${field.path}: ${formatValue(field.before)} → ${formatValue(field.after)}`;
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
  return `${change.kind} '${change.name}'`;
}
