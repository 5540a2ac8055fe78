/**
 * Approval before any write: a person types `yes` on a terminal, or CI passes --auto-approve. Destructive changes
 * (deletes, replaces, stream state resets) approved unattended also need --allow-destroy, so a pipeline run never
 * destroys data by surprise.
 */
import { createInterface } from 'node:readline/promises';
import { GitopsError } from '../errors.js';
import type { Change, Plan } from '../plan/types.js';
import type { Palette } from '../util/color.js';
import { printable } from '../util/printable.js';

export const APPROVAL_PROMPT = "Apply these changes? Only 'yes' will be accepted: ";

/** How each destructive change is named in the warning and the refusal. */
export function destructiveLabel(change: Change): string {
  const what = `${change.kind} '${printable(change.name)}'`;
  if (change.action === 'delete') return `delete ${what}`;
  if (change.action === 'replace') return `replace ${what} (deleted and created again)`;
  if (change.kind === 'connection' && change.drift?.breaking === true && change.savesState !== true)
    return `update ${what}, which applies a breaking schema change of its source`;
  if (change.kind === 'connection') return `update ${what}, which resets the sync state of some of its streams`;
  return `update ${what}, which removes a secret stored in Airbyte (see the ⚠ warning)`;
}

export function destructiveChanges(plan: Plan): Change[] {
  return plan.changes.filter((change) => change.destructive);
}

/** The highlighted block printed after the plan when it destroys data; empty otherwise. */
export function destructiveNotice(plan: Plan, palette: Palette): string {
  const destructive = destructiveChanges(plan);
  if (destructive.length === 0) return '';
  const lines = [palette.red(`⚠ This plan destroys data or sync state (${destructive.length} change${destructive.length === 1 ? '' : 's'}):`)];
  for (const change of destructive) {
    lines.push(`  ${palette.red('!')} ${destructiveLabel(change)}`);
    for (const name of 'takesDown' in change ? change.takesDown : []) lines.push(`      takes down connection '${printable(name)}' and its sync state`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where approval comes from. */
export interface ApprovalOptions {
  autoApprove: boolean;
  allowDestroy: boolean;
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

/** Resolves when the plan may be applied; throws USAGE (nothing written) when it may not. */
export async function approve(plan: Plan, options: ApprovalOptions): Promise<void> {
  if (options.autoApprove) {
    const destructive = destructiveChanges(plan);
    if (destructive.length > 0 && !options.allowDestroy) {
      throw new GitopsError('USAGE', 'the plan has destructive changes and --allow-destroy was not given; nothing was changed:', {
        details: destructive.map(destructiveLabel),
        hint: 'review them, then run again with --auto-approve --allow-destroy (or approve interactively).',
      });
    }
    return;
  }
  if (options.input.isTTY !== true) {
    throw new GitopsError('USAGE', 'apply needs approval, but there is no terminal to ask on; nothing was changed', {
      hint: 'run it in a terminal, or pass --auto-approve (CI; add --allow-destroy for deletes and replaces).',
    });
  }
  const answer = await ask(options.input, options.output);
  if (answer !== 'yes') throw new GitopsError('USAGE', 'apply cancelled; nothing was changed');
}

async function ask(input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  const prompt = createInterface({ input, output, terminal: true });
  try {
    const cancelled = new Promise<string>((resolve) => prompt.once('SIGINT', () => resolve('')));
    return (await Promise.race([prompt.question(`\n${APPROVAL_PROMPT}`), cancelled])).trim();
  } finally {
    prompt.close();
  }
}
