/**
 * A problem found in the user's input (pipeline YAML, or a configuration checked against a connector spec).
 * Problems are collected, never thrown one at a time, and printed as `file:line:col: error: message`.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** The file as the user named it (relative paths stay relative). Absent for problems with no file. */
  file?: string;
  line?: number;
  col?: number;
  /** Names the offending key or name in quotes, says what is wrong and, where possible, what to do. */
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.col ?? 1}: ` : '';
  return `${where}${problem.severity}: ${problem.message}`;
}
