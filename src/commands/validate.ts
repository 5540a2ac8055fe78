import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import { loadPipeline } from '../pipeline/load.js';
import { githubAnnotations, renderJson, renderText } from '../pipeline/report.js';
import { paletteFor } from '../util/color.js';
import type { CommandIo, RunStatus } from './io.js';

interface ValidateOptions {
  json?: boolean;
}

/** `validate [paths...]`: checks pipeline files without a server; exit 1 when any error is found. */
export function register(program: Command, io: CommandIo, status: RunStatus): void {
  program
    .command('validate')
    .description('check pipeline YAML files (schema, references, schedules, ${VAR}s) without contacting Airbyte')
    .argument('[paths...]', 'pipeline files or directories (all *.yaml / *.yml below them; default: the current directory)')
    .option('--json', 'print the result as JSON: {"valid", "summary", "problems": [{severity, file, line, col, message}]}')
    .addHelpText(
      'after',
      '\nExit status: 0 when valid (warnings allowed), 1 when any error is found.\n' +
        'With GITHUB_ACTIONS=true, problems are also printed as ::error / ::warning annotations.',
    )
    .action((paths: string[], options: ValidateOptions) => {
      const result = loadPipeline(paths, io.env);
      if (options.json) io.stdout.write(renderJson(result));
      else io.stdout.write(renderText(result, paletteFor(io.stdout, io.env)));
      if (io.env['GITHUB_ACTIONS'] === 'true') {
        // Annotations go to stderr under --json so stdout stays one JSON document; the runner reads both.
        (options.json ? io.stderr : io.stdout).write(githubAnnotations(result.problems));
      }
      const failed = result.problems.some((problem) => problem.severity === 'error');
      status.exitStatus = failed ? ExitCode.error : ExitCode.ok;
    });
}
