/**
 * Ctrl-C and SIGTERM during apply. Before any write the process simply ends (130). While executing, the first
 * signal stops new operations and lets those in flight finish, so the summary is accurate; a second one ends the
 * process at once.
 */
import { ExitCode } from '../errors.js';

export interface SignalGuard {
  /** Aborted by the first signal once executing. */
  readonly signal: AbortSignal;
  /** From now on a signal drains instead of ending the process. */
  executing(): void;
  dispose(): void;
}

export function guardSignals(stderr: NodeJS.WritableStream, exit: (code: number) => never = process.exit): SignalGuard {
  const controller = new AbortController();
  let draining = false;
  const onSignal = (name: NodeJS.Signals) => {
    if (!draining || controller.signal.aborted) {
      stderr.write(draining ? `\n${name} again: stopping now. Run apply again to finish.\n` : `\n${name}: interrupted before anything was changed.\n`);
      exit(ExitCode.interrupted);
    }
    stderr.write(`\n${name}: starting nothing new; waiting for the operations in flight (${name} again stops at once).\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    executing: () => {
      draining = true;
    },
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
