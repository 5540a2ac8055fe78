/**
 * How commands print problems found in the pipeline (by `validate`, `plan`, `apply`, `check`): one line each,
 * `file:line:col: error: message`, plus GitHub Actions annotations when running there.
 */
import { GitopsError } from '../errors.js';
import type { Problem } from '../model/problem.js';
import { githubAnnotations } from './report.js';
import { paletteFor } from '../util/color.js';

/** Warnings alike past this many are one line: the first in full, then where the others are. */
export const ALIKE_WARNINGS_LISTED = 3;
/** Places of the folded warnings named on that line; past these, a count. */
const PLACES_LISTED = 5;

const placeOf = (problem: Problem) => (problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.col ?? 1}` : '');

/** A warning's message with every quoted name taken out: `stream 'users' of connection 'c-7' …` is like 'c-8''s. */
const shapeOf = (problem: Problem) => problem.message.replace(/'[^']*'/g, "''");

/**
 * One line per problem, coloured when `stream` is a terminal (and `env` allows colour). Errors are all listed (each
 * needs its fix); warnings that read the same but for quoted names are listed up to ALIKE_WARNINGS_LISTED times, and
 * the rest fold into one line saying where they are (300 streams of 300 connections warned alike are 4 lines).
 */
export function formatProblems(problems: Problem[], stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): string {
  const palette = paletteFor(stream, env);
  const alike = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.severity !== 'warning') continue;
    const group = alike.get(shapeOf(problem));
    if (group === undefined) alike.set(shapeOf(problem), [problem]);
    else group.push(problem);
  }
  const lines: string[] = [];
  const line = (problem: Problem) => {
    const where = problem.file ? `${placeOf(problem)}: ` : '';
    const severity = problem.severity === 'error' ? palette.red('error:') : palette.yellow('warning:');
    return `${where}${severity} ${problem.message}\n`;
  };
  // How many of each group were met so far (linear: no search of the group per warning).
  const seen = new Map<Problem[], number>();
  for (const problem of problems) {
    const group = problem.severity === 'warning' ? alike.get(shapeOf(problem)) : undefined;
    if (group === undefined || group.length <= ALIKE_WARNINGS_LISTED + 1) {
      lines.push(line(problem));
      continue;
    }
    const index = seen.get(group) ?? 0;
    seen.set(group, index + 1);
    if (index < ALIKE_WARNINGS_LISTED) lines.push(line(problem));
    else if (index === ALIKE_WARNINGS_LISTED) {
      const rest = group.slice(ALIKE_WARNINGS_LISTED);
      const places = rest
        .slice(0, PLACES_LISTED)
        .map(placeOf)
        .filter((place) => place !== '');
      const more = rest.length > PLACES_LISTED ? `, and ${rest.length - PLACES_LISTED} more` : '';
      lines.push(`${palette.yellow('warning:')} ${rest.length} more like the one above${places.length > 0 ? ` at ${places.join(', ')}${more}` : ''}\n`);
    }
  }
  return lines.join('');
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
