import { Option, type Command } from 'commander';
import type { PlanFlags } from '../plan.js';
import type { CommandIo, RunStatus } from '../io.js';
import { addConnectOptions } from './connect.js';

/** `plan [paths...]`: what apply would change, written nowhere. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('plan')
    .description('show what apply would change in Airbyte to match the pipeline (writes nothing)')
    .argument('[paths...]', 'pipeline files or directories (default: current directory)')
    .option('--prune', 'show resources in Airbyte that the pipeline does not declare as deletes')
    .option('--rotate-secrets', 'update every source/destination that has secrets (Airbyte cannot show secret drift)')
    .option('--dedupe', 'delete the exact duplicates of resources the pipeline names (Airbyte holds the name more than once)')
    .option('--refresh', "discover the source of every managed connection again and show its schema drift (the plan's catalogs use it)")
    .option('--no-discover', 'do not discover new sources to check their streams now (they are checked when apply creates them)')
    .option(
      '--state-backup-dir <dir>',
      'where apply saves sync state before a change that resets it (env AIRBYTE_STATE_BACKUP_DIR; default .airbyte-gitops/state-backups)',
    )
    .addOption(new Option('--json', 'print the plan as JSON (formatVersion 1)').conflicts('markdown'))
    .option('--markdown', 'print the plan as Markdown for a pull-request comment')
    .option('--out <file>', 'save the plan for `apply <file>`; secrets stay ${VAR} references, read again at apply time')
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error');
  command.addHelpText(
    'after',
    `
Examples:
  $ airbyte-gitops plan pipelines/ --detailed-exitcode
  $ airbyte-gitops plan pipelines/ --markdown > plan.md
  $ airbyte-gitops plan pipelines/ --out plan.json && airbyte-gitops apply plan.json
  $ airbyte-gitops plan pipelines/ --refresh

Exit status: 0 success (with --detailed-exitcode: no changes); 2 changes present (--detailed-exitcode only);
1 invalid pipeline (every problem is printed as file:line:col), API or network error.`,
  );
  addConnectOptions(command, io).action(async (paths: string[], flags: PlanFlags) => (await import('../plan.js')).action(paths, flags, io, status));
}
