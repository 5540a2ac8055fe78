import { CommanderError } from 'commander';
import { errorText, ExitCode, GitopsError } from '../errors.js';
import { paletteFor } from '../util/color.js';
import type { CommandIo, RunStatus } from '../commands/io.js';
import { buildProgram } from './program.js';

/** Prints a GitopsError the one way the tool prints errors (errors.ts), in colour on a terminal. */
function formatError(error: GitopsError, io: CommandIo): string {
  return errorText(error, paletteFor(io.stderr, io.env));
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

/**
 * Runs the program once on `argv` (as in process.argv: node and script first) and returns its exit status.
 * Errors are printed here and only here.
 */
export async function runProgram(io: CommandIo, argv: string[]): Promise<number> {
  const status: RunStatus = { exitStatus: ExitCode.ok };
  try {
    await buildProgram(io, status).parseAsync(argv);
    return status.exitStatus;
  } catch (error) {
    // --help and --version end with exitCode 0; usage errors were already printed by commander.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.error;
    if (error instanceof GitopsError) {
      // Loaded only when there is an error to print: --help and a successful run do without it.
      const { problemsOf, reportProblemsTo } = await import('../pipeline/problems.js');
      reportProblemsTo(io.stderr, problemsOf(error), io.env);
      io.stderr.write(formatError(error, io));
      return exitCodeFor(error);
    }
    io.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.error;
  }
}
