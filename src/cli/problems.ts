/**
 * How commands print problems found in the pipeline (by `validate`, `plan`, `apply`, `check`): one line each,
 * `file:line:col: error: message`, plus GitHub Actions annotations when running there.
 */
import { GitopsError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { githubAnnotations } from '../spec/report.js';
import { paletteFor } from '../util/color.js';

export function formatProblems(problems: Problem[], stream: NodeJS.WriteStream = process.stderr): string {
  const palette = paletteFor(stream);
  return problems
    .map((problem) => {
      const where = problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.col ?? 1}: ` : '';
      const severity = problem.severity === 'error' ? palette.red('error:') : palette.yellow('warning:');
      return `${where}${severity} ${problem.message}\n`;
    })
    .join('');
}

/** Prints warnings (and, for SPEC_INVALID errors, every problem) to stderr; annotations under GitHub Actions. */
export function reportProblems(problems: Problem[]): void {
  if (problems.length === 0) return;
  process.stderr.write(formatProblems(problems));
  if (process.env['GITHUB_ACTIONS'] === 'true') process.stderr.write(githubAnnotations(problems));
}

/** The problems a SPEC_INVALID error carries, printed before the error line itself. */
export function problemsOf(error: unknown): Problem[] {
  return error instanceof GitopsError && error.code === 'SPEC_INVALID' && Array.isArray(error.meta['problems'])
    ? (error.meta['problems'] as Problem[])
    : [];
}
