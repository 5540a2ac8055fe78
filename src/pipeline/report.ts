/**
 * How `validate` shows a load result: text (problems, then a one-line verdict), JSON, and GitHub Actions
 * annotations. Pure functions of the result so tests can assert the exact output.
 */
import type { Problem } from '../model/problem.js';
import type { Palette } from '../util/color.js';
import { printable } from '../util/printable.js';
import type { LoadResult } from './load.js';

/** Counts for the verdict line and the JSON summary. */
export interface Summary {
  sources: number;
  destinations: number;
  connections: number;
  files: number;
  errors: number;
  warnings: number;
}

export function summarize(result: LoadResult): Summary {
  const { pipeline, problems } = result;
  return {
    sources: pipeline.sources.length,
    destinations: pipeline.destinations.length,
    connections: pipeline.connections.length,
    files: pipeline.files.length,
    errors: problems.filter((problem) => problem.severity === 'error').length,
    warnings: problems.filter((problem) => problem.severity === 'warning').length,
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function problemLine(problem: Problem, palette: Palette): string {
  const where = problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.col ?? 1}: ` : '';
  const severity = problem.severity === 'error' ? palette.red('error:') : palette.yellow('warning:');
  return `${printable(where)}${severity} ${printable(problem.message)}`;
}

/** Every problem on its own line, then `✓ Valid: ...` or `✗ N errors`. */
export function renderText(result: LoadResult, palette: Palette): string {
  const summary = summarize(result);
  const lines = result.problems.map((problem) => problemLine(problem, palette));
  if (summary.errors === 0) {
    const what = [count(summary.sources, 'source'), count(summary.destinations, 'destination'), count(summary.connections, 'connection')];
    lines.push(`${palette.green('✓')} Valid: ${what.join(', ')} in ${count(summary.files, 'file')}`);
  } else {
    const warnings = summary.warnings > 0 ? `, ${count(summary.warnings, 'warning')}` : '';
    lines.push(`${palette.red('✗')} ${count(summary.errors, 'error')}${warnings}`);
  }
  return lines.join('\n') + '\n';
}

/** `{"valid", "summary", "problems"}`: a stable shape for scripts. */
export function renderJson(result: LoadResult): string {
  const summary = summarize(result);
  const problems = result.problems.map(({ severity, file, line, col, message }) => ({
    severity,
    file: file ?? null,
    line: line ?? null,
    col: col ?? null,
    message,
  }));
  return JSON.stringify({ valid: summary.errors === 0, summary, problems }, null, 2) + '\n';
}

/** Escaping as GitHub's workflow-command parser expects (data vs. property values). */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…::message` lines, so problems show on the pull request. */
export function githubAnnotations(problems: Problem[]): string {
  return problems
    .map((problem) => {
      const properties = problem.file ? ` file=${escapeProperty(problem.file)},line=${problem.line ?? 1},col=${problem.col ?? 1}` : '';
      return `::${problem.severity}${properties}::${escapeData(problem.message)}\n`;
    })
    .join('');
}
