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
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .option('--github-comment', 'on a pull request (GitHub Actions), post the plan as one comment, updated in place on every run (see docs/github.md)')
    .option('--github-comment-key <key>', 'tells apart several plans on one pull request, or several drift issues (letters, digits, . _ -; default: default)')
    .option('--github-drift-issue', 'for a scheduled drift check: open or update one GitHub issue when the plan has changes, close it when clean');
  command.addHelpText(
    'after',
    `
Examples:
  $ airbyte-gitops plan pipelines/ --detailed-exitcode
  $ airbyte-gitops plan pipelines/ --markdown > plan.md
  $ airbyte-gitops plan pipelines/ --out plan.json && airbyte-gitops apply plan.json
  $ airbyte-gitops plan pipelines/ --refresh
  $ airbyte-gitops plan pipelines/ --github-comment                          # pull-request job
  $ airbyte-gitops plan pipelines/ --github-drift-issue --detailed-exitcode  # scheduled drift check

Exit status: 0 success (with --detailed-exitcode: no changes); 2 changes present (--detailed-exitcode only);
1 invalid pipeline (every problem is printed as file:line:col), API or network error.
GitHub failures (--github-comment, --github-drift-issue) are a warning and never change the exit status; they read
GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL and GITHUB_STEP_SUMMARY as GitHub Actions sets them.`,
  );
  addConnectOptions(command, io).action(async (paths: string[], flags: PlanFlags) => (await import('../plan.js')).action(paths, flags, io, status));
}
