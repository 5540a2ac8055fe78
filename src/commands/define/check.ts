import { Argument, type Command } from 'commander';
import type { CheckFlags } from '../check.js';
import type { CommandIo, RunStatus } from '../io.js';
import { addConnectOptions } from './connect.js';

/** `check [paths...]`: test every declared source's and destination's connection. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  const command = program
    .command('check')
    .description("test the connection of every source and destination in the pipeline, with the pipeline's configuration")
    .addArgument(new Argument('[paths...]', 'pipeline files or directories (all *.yaml / *.yml below them)').default(['.'], 'the current directory'))
    .option('--json', 'print {"results": [{kind, name, status, call, message, durationSeconds}], "summary": {succeeded, failed, skipped}}');
  addConnectOptions(command, io)
    .addHelpText(
      'after',
      '\nResources not created yet (or replaced by apply) are checked with their pipeline configuration, nothing stored.\n' +
        '\nExamples:\n' +
        '  $ airbyte-gitops check examples/pipelines --emulator\n' +
        '  $ PG_PASSWORD=... airbyte-gitops check pipelines/ecommerce.yaml --workspace staging\n' +
        '  $ airbyte-gitops check --json | jq \'.results[] | select(.status == "failed")\'\n' +
        '\nExit status: 0 when no check failed; 1 when a check failed, the pipeline has errors, or on API errors.',
    )
    .action(async (paths: string[], flags: CheckFlags) => (await import('../check.js')).action(paths, flags, io, status));
}
