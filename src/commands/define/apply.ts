import { Option, type Command } from 'commander';
import type { ApplyOptions } from '../apply.js';
import type { CommandIo, RunStatus } from '../io.js';
import { addConnectOptions } from './connect.js';

/** Operations in flight at once unless --parallelism says otherwise (the executor's own default is the same). */
export const DEFAULT_PARALLELISM = 8;

/** `apply [paths...]` / `apply plan.json`: make the Airbyte workspace match the pipeline. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('apply')
    .description('make Airbyte match the pipeline: plan, ask for approval, then create, update and delete in dependency order')
    .argument('[paths...]', 'pipeline files or directories (default: the current directory), or one saved plan written by plan --out')
    .option('--auto-approve', 'apply without asking (CI); destructive changes also need --allow-destroy')
    .option('--allow-destroy', 'with --auto-approve: allow deletes, replaces and stream state resets')
    .option('--prune', 'also delete sources, destinations and connections the pipeline does not declare')
    .option('--check', 'run the connection check of every source and destination to be created or updated, before any write')
    .option('--rotate-secrets', "push the pipeline's secret values to every source and destination that has them")
    .option('--dedupe', 'delete the exact duplicates of resources the pipeline names (destructive: with --auto-approve, needs --allow-destroy)')
    .option('--refresh', 'discover the source of every managed connection again and apply the refreshed catalogs (breaking changes need --allow-destroy)')
    .option('--no-discover', 'do not discover new sources to check their streams before any write (they are checked once created)')
    .option(
      '--state-backup-dir <dir>',
      'where sync state is saved before a change that resets it (env AIRBYTE_STATE_BACKUP_DIR; default .airbyte-gitops/state-backups)',
    )
    .addOption(
      new Option('--parallelism <n>', 'operations in flight at once (1 to 64); also the connections kept open to Airbyte (at least 16)').default(
        String(DEFAULT_PARALLELISM),
      ),
    )
    .option('--json', 'print the result as JSON on stdout (progress and plan go to stderr)');
  addConnectOptions(command, io)
    .addHelpText(
      'after',
      '\nExit status: 0 applied (or no changes), 1 error or a failed operation, 130 interrupted (Ctrl-C / SIGTERM).\n' +
        'Re-running apply after a failure or an interrupt finishes the work without creating duplicates.',
    )
    .action(async (paths: string[], options: ApplyOptions) => (await import('../apply.js')).action(paths, options, io, status));
}
