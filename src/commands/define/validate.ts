import type { Command } from 'commander';
import type { ValidateOptions } from '../validate.js';
import type { CommandIo, RunStatus } from '../io.js';

/** `validate [paths...]`: checks pipeline files without a server; exit 1 when any error is found. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  program
    .command('validate')
    .description('check pipeline YAML files (schema, references, schedules, ${VAR}s) without contacting Airbyte')
    .argument('[paths...]', 'pipeline files or directories (all *.yaml / *.yml below them; default: the current directory)')
    .option('--json', 'print the result as JSON: {"valid", "summary", "problems": [{severity, file, line, col, message}]}')
    .option(
      '--registry <file|url>',
      "also check definitions and configurations against the connector specs of Airbyte's connector registry, as plan does (a URL is fetched once and cached)",
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ airbyte-gitops validate pipelines/\n' +
        '  $ airbyte-gitops validate pipelines/ --registry https://connectors.airbyte.com/files/registries/v0/oss_registry.json\n' +
        '\nExit status: 0 when valid (warnings allowed), 1 when any error is found or the registry cannot be read.\n' +
        'With GITHUB_ACTIONS=true, problems are also printed as ::error / ::warning annotations.',
    )
    .action(async (paths: string[], options: ValidateOptions) => (await import('../validate.js')).action(paths, options, io, status));
}
