import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import { loadPipeline } from '../pipeline/load.js';
import { githubAnnotations, renderJson, renderText } from '../pipeline/report.js';
import { paletteFor } from '../util/color.js';
import { setExitStatus } from './exit-status.js';

interface ValidateOptions {
  json?: boolean;
}

/** `validate [paths...]`: checks pipeline files without a server; exit 1 when any error is found. */
export function register(program: Command): void {
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
      const result = loadPipeline(paths, process.env);
      if (options.json) process.stdout.write(renderJson(result));
      else process.stdout.write(renderText(result, paletteFor(process.stdout)));
      if (process.env['GITHUB_ACTIONS'] === 'true') {
        // Annotations go to stderr under --json so stdout stays one JSON document; the runner reads both.
        (options.json ? process.stderr : process.stdout).write(githubAnnotations(result.problems));
      }
      const failed = result.problems.some((problem) => problem.severity === 'error');
      setExitStatus(failed ? ExitCode.error : ExitCode.ok);
    });
}
