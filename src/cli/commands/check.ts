import { Argument, type Command } from 'commander';
import { ExitCode, GitopsError } from '../../errors.js';
import { formatProblem } from '../../model/problem.js';
import { renderCheckTable } from '../../ops/check-format.js';
import { runChecks } from '../../ops/check.js';
import { fetchRemoteState } from '../../plan/fetch.js';
import { loadPipeline } from '../../spec/load.js';
import { paletteFor } from '../../util/color.js';
import { addConnectOptions, withClient, type ConnectFlags } from '../context.js';
import { setExitStatus } from '../run.js';

interface CheckFlags extends ConnectFlags {
  json?: boolean;
}

function loadOrThrow(paths: string[]) {
  const { pipeline, problems } = loadPipeline(paths, process.env);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(errors.map((problem) => formatProblem(problem) + '\n').join(''));
    throw new GitopsError('SPEC_INVALID', `the pipeline has ${errors.length} error${errors.length === 1 ? '' : 's'} (above); nothing was checked`, {
      meta: { problems: errors },
      hint: "fix them first; 'airbyte-gitops validate' lists them",
    });
  }
  return pipeline;
}

/** `check [paths...]`: test every declared source's and destination's connection. */
export function register(program: Command): void {
  const command = program
    .command('check')
    .description("test the connection of every source and destination in the pipeline, with the pipeline's configuration")
    .addArgument(new Argument('[paths...]', 'pipeline files or directories (all *.yaml / *.yml below them)').default(['.'], 'the current directory'))
    .option('--json', 'print {"results": [{kind, name, status, call, message, durationSeconds}], "summary": {succeeded, failed, skipped}}');
  addConnectOptions(command)
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
      const pipeline = loadOrThrow(paths);
      await withClient(flags, async (client) => {
        const remote = await fetchRemoteState(client, pipeline, flags.workspace ?? pipeline.workspace);
        const rows = await runChecks(client, pipeline, remote);
        if (flags.json) {
          const count = (status: string) => rows.filter((row) => row.status === status).length;
          const summary = { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') };
          process.stdout.write(JSON.stringify({ results: rows, summary }, null, 2) + '\n');
        } else process.stdout.write(renderCheckTable(rows, paletteFor(process.stdout)));
        if (rows.some((row) => row.status === 'failed')) setExitStatus(ExitCode.error);
      });
    });
}
