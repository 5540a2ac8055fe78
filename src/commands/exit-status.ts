/**
 * The exit status a command asks for when it ends without an error (a failed check, changes under
 * --detailed-exitcode). The CLI reads it once the command has run; errors map to statuses in cli/run.ts.
 */
import { ExitCode } from '../errors.js';

let exitStatus: number = ExitCode.ok;

/** Commands call this to set the exit status the process ends with. */
export function setExitStatus(status: number): void {
  exitStatus = status;
}

/** The status set since the last call, then back to 0 (so one process can run several commands). */
export function takeExitStatus(): number {
  const status = exitStatus;
  exitStatus = ExitCode.ok;
  return status;
}
