/**
 * How commands print problems found in the pipeline (by `validate`, `plan`, `apply`, `check`): one line each,
 * `file:line:col: error: message`, plus GitHub Actions annotations when running there.
 */
import { GitopsError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { githubAnnotations } from './report.js';
import { paletteFor } from '../util/color.js';

/** One line per problem, coloured when `stream` is a terminal (and `env` allows colour). */
function formatProblems(problems: Problem[], stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): string {
  const palette = paletteFor(stream, env);
  return problems
    .map((problem) => {
      const where = problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.col ?? 1}: ` : '';
      const severity = problem.severity === 'error' ? palette.red('error:') : palette.yellow('warning:');
      return `${where}${severity} ${problem.message}\n`;
    })
    .join('');
}

/** Writes problems to `stream` (a command's own stderr), with annotations when `env` says GitHub Actions runs it. */
export function reportProblemsTo(stream: NodeJS.WriteStream, problems: Problem[], env: NodeJS.ProcessEnv): void {
  if (problems.length === 0) return;
  stream.write(formatProblems(problems, stream, env));
  if (env['GITHUB_ACTIONS'] === 'true') stream.write(githubAnnotations(problems));
}

/** The problems a SPEC_INVALID error carries, printed before the error line itself. */
export function problemsOf(error: unknown): Problem[] {
  return error instanceof GitopsError && error.code === 'SPEC_INVALID' ? (error.problems ?? []) : [];
}
