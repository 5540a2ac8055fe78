/** `validate [paths...]`: checks pipeline files without a server; exit 1 when any error is found. */
import { ExitCode } from '../errors.js';
import { loadPipeline } from '../pipeline/load.js';
import { githubAnnotations, renderJson, renderText } from '../pipeline/report.js';
import { paletteFor } from '../util/color.js';
import type { CommandIo, RunStatus } from './io.js';

export interface ValidateOptions {
  json?: boolean;
}

export function action(paths: string[], options: ValidateOptions, io: CommandIo, status: RunStatus): void {
  const result = loadPipeline(paths, io.env);
  if (options.json) io.stdout.write(renderJson(result));
  else io.stdout.write(renderText(result, paletteFor(io.stdout, io.env)));
  if (io.env['GITHUB_ACTIONS'] === 'true') {
    // Annotations go to stderr under --json so stdout stays one JSON document; the runner reads both.
    (options.json ? io.stderr : io.stdout).write(githubAnnotations(result.problems));
  }
  const failed = result.problems.some((problem) => problem.severity === 'error');
  status.exitStatus = failed ? ExitCode.error : ExitCode.ok;
}
