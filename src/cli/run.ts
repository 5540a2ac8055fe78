import { CommanderError, type Command } from 'commander';
import { ExitCode, GitopsError } from '../errors.js';
import { paletteFor } from '../util/color.js';
import { takeExitStatus } from '../commands/exit-status.js';
import { problemsOf, reportProblems } from '../pipeline/problems.js';

/** Prints a GitopsError the one way the tool prints errors: `error: message` then the hint. */
function formatError(error: GitopsError, stream: NodeJS.WriteStream = process.stderr): string {
  const palette = paletteFor(stream);
  const lines = [`${palette.red('error:')} ${error.message}`];
  if (error.hint) lines.push(`${palette.dim('hint:')} ${error.hint}`);
  return lines.join('\n') + '\n';
}

function exitCodeFor(error: GitopsError): number {
  switch (error.code) {
    case 'INTERRUPTED':
      return ExitCode.interrupted;
    case 'USAGE':
    case 'SPEC_INVALID':
    case 'API_ERROR':
    case 'AUTH_FAILED':
    case 'NETWORK':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'STALE_PLAN':
    case 'CHECK_FAILED':
      return ExitCode.error;
  }
}

export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
    process.exitCode = takeExitStatus();
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; usage errors were already printed by commander.
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.error;
      return;
    }
    if (error instanceof GitopsError) {
      reportProblems(problemsOf(error));
      process.stderr.write(formatError(error));
      process.exitCode = exitCodeFor(error);
      return;
    }
    process.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = ExitCode.error;
  }
}
