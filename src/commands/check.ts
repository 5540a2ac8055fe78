import { Argument, type Command } from 'commander';
import { ExitCode } from '../errors.js';
import { renderCheckTable } from '../operate/check-format.js';
import { fetchCheckState } from '../operate/check-state.js';
import { runChecks } from '../operate/check.js';
import { loadOrThrow } from '../plan/prepare.js';
import { paletteFor } from '../util/color.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import { addConnectOptions, withClient, type ConnectFlags } from './connect.js';
import type { CommandIo, RunStatus } from './io.js';

interface CheckFlags extends ConnectFlags {
  json?: boolean;
}

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
    .action(async (paths: string[], flags: CheckFlags) => {
      // Errors travel in the thrown SPEC_INVALID and are printed once, by run.ts; warnings are printed here.
      const { pipeline, warnings } = loadOrThrow(paths, io.env);
      reportProblemsTo(io.stderr, warnings, io.env);
      await withClient(io, flags, async (client) => {
        const state = await fetchCheckState(client, pipeline, flags.workspace ?? pipeline.workspace);
        const rows = await runChecks(client, pipeline, state);
        if (flags.json) {
          const count = (status: string) => rows.filter((row) => row.status === status).length;
          const summary = { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') };
          io.stdout.write(JSON.stringify({ results: rows, summary }, null, 2) + '\n');
        } else io.stdout.write(renderCheckTable(rows, paletteFor(io.stdout, io.env)));
        if (rows.some((row) => row.status === 'failed')) status.exitStatus = ExitCode.error;
      });
    });
}
