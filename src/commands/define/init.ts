import { Option, type Command } from 'commander';
import type { InitFlags } from '../init.js';
import type { CommandIo } from '../io.js';
import { addConnectOptions } from './connect.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops init my-pipelines --action my-org/airbyte-gitops@v1
  $ airbyte-gitops init . --from-workspace --url https://airbyte.example.com --workspace Production
  $ airbyte-gitops init --from-workspace --emulator --dry-run

Writes pipelines/example.yaml (or, with --from-workspace, one file per connection), .github/workflows/airbyte-gitops.yml
(plan on pull requests, apply on a push to --branch), .github/workflows/airbyte-gitops-drift.yml (nightly drift
issue), README.md, and the missing lines of .gitignore. If any of these files exists, nothing is written.

Exit status: 0 written (or, with --dry-run, would be); 1 when a file exists (without --force), on a bad flag, or on
API errors with --from-workspace.`;

/** `init [dir]`: a new pipeline repository. */
export function register(program: Command, io: CommandIo): void {
  const command = program
    .command('init')
    .description('start a pipeline repository: pipelines/, the GitHub workflows (plan, apply, drift), .gitignore and a README')
    .argument('[dir]', 'the repository directory (created when missing)', '.')
    .option('--from-workspace', 'fill pipelines/ by exporting the workspace (connect flags below) instead of the example')
    .option('--branch <name>', 'the branch whose pushes are applied', 'main')
    .option('--action <owner/repo@ref>', 'the airbyte-gitops action the workflows use (env AIRBYTE_GITOPS_ACTION; default <org>/airbyte-gitops@v1, to edit)')
    .addOption(new Option('--schema-url <url>', "the $schema on the pipelines' first line (default: the schema of the --action's release on GitHub)"))
    .option('--force', 'overwrite files that exist')
    .option('--dry-run', 'list what would be written, write nothing')
    .option('--json', 'print {"dir", "dryRun", "action", "files": [{path, action}], "variables"}');
  addConnectOptions(command, io)
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, flags: InitFlags, self: Command) => (await import('../init.js')).action(dir, flags, io, self));
}
