/**
 * Ctrl-C and SIGTERM during apply. Before any write the process simply ends (130). While executing, the first
 * signal stops new operations and lets those in flight finish, so the summary is accurate; a second one ends the
 * process at once.
 */
import { ExitCode } from '../errors.js';

export interface SignalGuard {
  /** Aborted by the first signal once executing. */
  readonly signal: AbortSignal;
  /**
   * From now on a signal drains instead of ending the process. `flush` writes what the run has gathered but not
   * printed yet (its progress lines), before anything this guard prints and before a second signal ends the process.
   */
  executing(flush?: () => void): void;
  dispose(): void;
}

/** Where signals arrive: the process, or a stand-in in tests. */
type SignalSource = {
  on(event: NodeJS.Signals, listener: (name: NodeJS.Signals) => void): unknown;
  off(event: NodeJS.Signals, listener: (name: NodeJS.Signals) => void): unknown;
};

export function guardSignals(stderr: NodeJS.WritableStream, exit: (code: number) => never = process.exit, source: SignalSource = process): SignalGuard {
  const controller = new AbortController();
  let draining = false;
  let flush: () => void = () => undefined;
  const onSignal = (name: NodeJS.Signals) => {
    flush();
    if (!draining || controller.signal.aborted) {
      stderr.write(draining ? `\n${name} again: stopping now. Run apply again to finish.\n` : `\n${name}: interrupted before anything was changed.\n`);
      exit(ExitCode.interrupted);
    }
    stderr.write(`\n${name}: starting nothing new; waiting for the operations in flight (${name} again stops at once).\n`);
    controller.abort();
  };
  source.on('SIGINT', onSignal);
  source.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    executing: (flushOutput) => {
      draining = true;
      if (flushOutput !== undefined) flush = flushOutput;
    },
    dispose: () => {
      source.off('SIGINT', onSignal);
      source.off('SIGTERM', onSignal);
    },
  };
}
