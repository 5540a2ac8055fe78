/**
 * What apply prints: one line per finished operation while it runs, then a summary; or, with --json, one
 * machine-readable document (formatVersion 1) instead. Every message was redacted by the client; names and
 * messages are shown through `printable`.
 */
import type { Palette } from '../util/color.js';
import type { Plan } from '../plan/types.js';
import type { ApplyResult, StateBackupRecord, StepOutcome } from './types.js';
import { printable } from '../util/printable.js';

const PAST: Record<StepOutcome['op'], string> = { create: 'created', update: 'updated', delete: 'deleted' };
const label = (outcome: Pick<StepOutcome, 'kind' | 'name'>) => `${outcome.kind} '${printable(outcome.name)}'`;
/** A server's message or a step's label: outside text, shown on one line. */
const shown = (text: string | undefined, otherwise: string) => printable(text ?? otherwise);
const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)}s`;

function doneText(outcome: StepOutcome): string {
  if (outcome.renamedFrom !== undefined) return `renamed ${outcome.kind} '${printable(outcome.renamedFrom)}' to '${printable(outcome.name)}'`;
  const adopted = outcome.adopted ? ' (found after its answer was lost; not created twice)' : '';
  const merged = outcome.duplicateRemoved === undefined ? '' : " (another run created it at the same time: kept the older copy, removed this run's)";
  return `${PAST[outcome.op]} ${label(outcome)}${adopted}${merged}`;
}

/** The progress line of one step, e.g. `✓ created source 'pg' (0.4s)`. */
export function progressLine(outcome: StepOutcome, palette: Palette): string {
  switch (outcome.status) {
    case 'done':
      return `${palette.green('✓')} ${doneText(outcome)} (${seconds(outcome.durationMs)})`;
    case 'failed':
      return `${palette.red('✗')} failed to ${outcome.op} ${label(outcome)}: ${shown(outcome.error, 'unknown error')}`;
    case 'skipped':
      return `${palette.yellow('-')} skipped ${outcome.op} of ${label(outcome)} (depends on failed ${shown(outcome.blockedBy, 'step')})`;
    case 'not-started':
      return `${palette.dim('·')} not started: ${outcome.op} of ${label(outcome)}`;
  }
}

/** What a saved state holds, e.g. `stream state, 3 streams`. */
function backupContent(record: StateBackupRecord): string {
  if (record.stateType === 'not_set') return 'no state yet (not_set)';
  if (record.stateType === 'legacy') return 'legacy state';
  return `${record.stateType} state, ${record.streams} stream${record.streams === 1 ? '' : 's'}`;
}

/** The line printed when a state backup is written, before the call that resets the state. */
export function stateBackupLine(record: StateBackupRecord, palette: Palette): string {
  return `${palette.green('✓')} saved the sync state of connection '${printable(record.connection)}' (${backupContent(record)}) to ${printable(record.file)}`;
}

/** The backups of the run, listed before the summary with the command that restores one; empty when there are none. */
export function stateBackupLines(result: ApplyResult): string[] {
  const backups = result.stateBackups ?? [];
  if (backups.length === 0) return [];
  const lines = [`Sync state saved before ${backups.length === 1 ? 'the change that resets it' : 'the changes that reset it'}:`];
  for (const record of backups) lines.push(`  connection '${printable(record.connection)}' (${backupContent(record)}): ${printable(record.file)}`);
  lines.push(`  Restore one with: airbyte-gitops state restore <connection> --from <file>`);
  return lines;
}

const done = (result: ApplyResult) => `${result.counts.created} created, ${result.counts.updated} updated, ${result.counts.deleted} deleted`;

/** What the settling pass against concurrent runs did, when it did anything: one line each. */
function settledLines(result: ApplyResult, palette: Palette): string[] {
  const settled = result.settled;
  if (settled === undefined) return [];
  const lines: string[] = [];
  for (const entry of settled.removed) {
    lines.push(
      `${palette.green('✓')} removed this run's copy of ${label(entry)} (id ${entry.id}): another run created it at the same time; kept id ${entry.keptId}`,
    );
  }
  for (const entry of settled.left) {
    lines.push(
      `${palette.yellow('!')} ${label(entry)} exists twice: this run's copy (id ${entry.id}) and an older one (id ${entry.keptId}), created by another run at the same time; not removed: ${shown(entry.reason, 'unknown')}`,
    );
  }
  if (settled.error !== undefined)
    lines.push(`${palette.yellow('!')} could not look for copies made by runs at the same time: ${shown(settled.error, 'unknown error')}`);
  if (settled.left.length > 0 || settled.error !== undefined) {
    lines.push('  Run `airbyte-gitops plan` once the other runs have ended: it lists any duplicate, and `apply --dedupe` removes exact ones.');
  }
  return lines;
}

/** The closing lines: `Apply complete: …`, or what was done, what failed (with the server's message) and what was skipped. */
export function summaryText(result: ApplyResult, palette: Palette): string {
  const settled = [...stateBackupLines(result), ...settledLines(result, palette)];
  const before = settled.length > 0 ? `${settled.join('\n')}\n` : '';
  if (result.status === 'applied') return `${before}${palette.green(`Apply complete: ${done(result)}.`)}\n`;
  const { failed, skipped, notStarted } = result.counts;
  const left = result.settled?.left.length ?? 0;
  const duplicates = left > 0 ? `, ${left} duplicate${left === 1 ? '' : 's'} left` : '';
  const head =
    result.status === 'interrupted'
      ? `Apply interrupted: ${done(result)}; ${notStarted} not started, ${failed} failed, ${skipped} skipped.`
      : `Apply failed: ${done(result)}; ${failed} failed, ${skipped} skipped${duplicates}.`;
  const lines = [...settled, palette.red(head)];
  for (const step of result.steps) {
    if (step.status === 'failed') lines.push(`  failed:  ${step.op} ${label(step)}: ${shown(step.error, 'unknown error')}`);
    if (step.status === 'skipped') lines.push(`  skipped: ${step.op} ${label(step)} (depends on failed ${shown(step.blockedBy, 'step')})`);
    if (step.status === 'not-started') lines.push(`  not started: ${step.op} ${label(step)}`);
  }
  lines.push('Nothing done is undone. Fix the cause and run apply again: it plans from what Airbyte holds now and finishes the rest.');
  return `${lines.join('\n')}\n`;
}

/** `--json`: the result as one document. `status` is `applied`, `failed`, `interrupted` or `no-changes`. */
export interface JsonApplyResultV1 {
  formatVersion: 1;
  status: ApplyResult['status'] | 'no-changes';
  workspace: Plan['workspace'];
  summary: ApplyResult['counts'];
  durationMs: number;
  operations: StepOutcome[];
  /** Present when the settling pass against concurrent runs removed or left a copy of this run's. */
  settled?: ApplyResult['settled'];
  /** The sync state saved before the changes that reset it (empty when none was). */
  stateBackups: StateBackupRecord[];
}

export function toJsonResult(plan: Plan, result: ApplyResult | undefined): JsonApplyResultV1 {
  const empty = { created: 0, updated: 0, deleted: 0, failed: 0, skipped: 0, notStarted: 0 };
  return {
    formatVersion: 1,
    status: result?.status ?? 'no-changes',
    workspace: plan.workspace,
    summary: result?.counts ?? empty,
    durationMs: result?.durationMs ?? 0,
    operations: result?.steps ?? [],
    ...(result?.settled === undefined ? {} : { settled: result.settled }),
    stateBackups: result?.stateBackups ?? [],
  };
}
